#!/usr/bin/env python3
"""Figures of docs/findings.md, "Model v2: the proposer advantage": reads saved runs only.

usage: proposer_advantage.py RUN_DIR [RUN_DIR ...]   (v2 runs kept with rounds: rounds.csv is needed)
For each run and item, over its replications: how the item ends and when; who holds the pen when it
closes (the chair, or a coalition whose text was taken up, or the coalition that absorbed it in a
merge); and, where a coalition holds it, the item-weighted distance sqrt(sum_k w_k (x_k - z_k)^2 / sum_k w_k) from that coalition's leader's position
in the closing round to the draft then (the final text), to the text in force after the decision, and
to the status quo, and from the coalition's own text T_A = P_A + pen (x_leader - P_A) (P_A its common
position in coalitions.csv) to the final text. The proposer's gain is d(status quo) - d(text in force). "as tabled": the share of
replications whose final text is the pen-holder's text tabled in the closing round, to 6 decimals (an
accepted closed-rule proposal, decided as it stands). Needs PyYAML (the item weights).
"""
import collections
import csv
import math
import os
import sys

import yaml

from v2_realignment import pen_holders


def rows(run, name):
    with open(os.path.join(run, name)) as f:
        return list(csv.DictReader(f))


def distance(weights, x, z):
    total = sum(weights.values())
    return math.sqrt(sum(w * (float(x[k]) - float(z[k])) ** 2 for k, w in weights.items()) / total)


def main(runs):
    print("run | item | reps | consensus / adopted / rejected / failed | mean round | pen with a coalition"
          " | as tabled | d(T_A, final text) | d(leader, final text) | d(leader, text in force) | d(leader, status quo) | gain"
          " | pen at close | mean text in force")
    for run in runs:
        scenario = yaml.safe_load(open(os.path.join(run, "scenario.resolved.yaml")))
        label = os.path.basename(os.path.dirname(run.rstrip("/")))
        setting = scenario.get("agenda_setting", {})
        label += " [%s, rho %s]" % (setting.get("proposal", "-"), setting.get("recognition_exponent", "-"))
        items = {i["id"]: i for i in scenario["agenda"]}
        outcomes = rows(run, "outcomes.csv")
        decided = {(o["replication"], o["item"]): o for o in outcomes}
        wanted = {(o["replication"], o["round"]) for o in outcomes}
        drafts = {(r["replication"], r["item"]): r for r in rows(run, "items.csv")
                  if (r["replication"], r["round"]) in wanted
                  and decided[(r["replication"], r["item"])]["round"] == r["round"]}
        pens = pen_holders(rows(run, "coalition-events.csv"))
        leaders = {(r["replication"], r["round"], r["group"]): r["leader"] for r in rows(run, "leaders.csv")
                   if (r["replication"], r["round"]) in wanted}
        tabled = {(r["replication"], r["round"], r["item"], r["sponsor"]): r for r in rows(run, "proposals.csv")
                  if (r["replication"], r["round"]) in wanted}
        commons = {(r["replication"], r["round"], r["coalition"]): r for r in rows(run, "coalitions.csv")
                   if (r["replication"], r["round"]) in wanted}
        pen = float(setting.get("pen", 0))
        positions = {(r["replication"], r["round"], r["delegation"]): r for r in rows(run, "rounds.csv")
                     if (r["replication"], r["round"]) in wanted}
        for item_id, item in items.items():
            weights = {k: w for k, w in item["weights"].items() if w > 0}
            quo = item["status_quo"]
            states = collections.Counter()
            closing, to_final, to_force, to_quo, own_to_final, holders = [], [], [], [], [], collections.Counter()
            as_tabled = 0
            reps = sorted({rep for rep, it in decided if it == item_id}, key=int)
            for rep in reps:
                o = decided[(rep, item_id)]
                states[o["state"]] += 1
                closing.append(int(o["round"]))
                held = [c for t, c in pens[(rep, item_id)] if t <= int(o["round"])]
                holder = held[-1] if held else "chair"
                holders[holder.split("@")[0]] += 1
                leader = leaders.get((rep, o["round"], holder))
                if holder == "chair" or leader is None or leader == "-":
                    continue
                text = tabled.get((rep, o["round"], item_id, holder))
                final = drafts[(rep, item_id)]
                as_tabled += text is not None and all(abs(float(text[k]) - float(final[k])) < 1e-6 for k in weights)
                x = positions[(rep, o["round"], leader)]
                common = commons[(rep, o["round"], holder)]
                own = {k: float(common[k]) + pen * (float(x[k]) - float(common[k])) for k in weights}
                own_to_final.append(distance(weights, own, final))
                to_final.append(distance(weights, x, final))
                to_force.append(distance(weights, x, o))
                to_quo.append(distance(weights, x, quo))
            n = len(reps)
            mean = lambda v: sum(v) / len(v) if v else float("nan")
            in_force = ", ".join("%s %.3f" % (k, mean([float(decided[(rep, item_id)][k]) for rep in reps]))
                                 for k in weights)
            print("%s | %s | %d | %d / %d / %d / %d | %.1f | %d%% | %d%% | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s" % (
                label, item_id, n, states["consensus"], states["vote-adopted"], states["vote-rejected"],
                states["failed"], mean(closing), round(100 * len(to_final) / n), round(100 * as_tabled / n),
                mean(own_to_final), mean(to_final), mean(to_force),
                mean(to_quo), mean(to_quo) - mean(to_force),
                ", ".join("%s %d" % h for h in holders.most_common(3)), in_force))


if __name__ == "__main__":
    main(sys.argv[1:])
