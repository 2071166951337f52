#!/usr/bin/env python3
"""Figures of docs/findings.md, "Model v2: who leads, and do coalitions realign": reads saved runs only.

usage: v2_realignment.py RUN_DIR [RUN_DIR ...]   (run directories of us-withdraws[-v2], itu-baseline[-v2])
       v2_realignment.py --brief RUN_DIR ...      (one table row per v2 run: the sweep of docs/findings.md)
For each run: where the US stands in the round before its withdrawal (round 9), who leads the CITEL
coalition on each item before and after, and the realignments per replication and round. v1 runs have
no leaders: the cluster of Canada is followed instead, named by its member with the most capability
(as the coalition flow chart names clusters).
"""
import collections
import csv
import os
import sys

WITHDRAWAL = 10
WINDOWS = [("1-9", 1, 9), ("10", 10, 10), ("11-12", 11, 12), ("13-20", 13, 20), ("21-60", 21, 60)]


def rows(run, name):
    path = os.path.join(run, name)
    return list(csv.DictReader(open(path))) if os.path.exists(path) else None


def capabilities(run):
    caps, current = {}, None
    for line in open(os.path.join(run, "scenario.resolved.yaml")):
        line = line.strip()
        if line.startswith("- id: "):
            current = line[6:].strip().strip("\"")
        elif line.startswith("capability: ") and current:
            caps[current] = float(line.split(": ")[1])
            current = None
    return caps


def main(runs):
    for run in runs:
        print("==", os.path.basename(os.path.dirname(run.rstrip("/"))))
        coalitions = rows(run, "coalitions.csv")
        reps = sorted({int(r["replication"]) for r in coalitions}) or [1]
        leaders = rows(run, "leaders.csv")
        state = {(int(r["replication"]), int(r["round"]), r["item"]): r["state"] for r in rows(run, "items.csv")}
        caps = capabilities(run)
        by_round = collections.defaultdict(list)
        for r in coalitions:
            by_round[(int(r["replication"]), int(r["round"]))].append(r)
        # Where the US stands in round 9, and who leads the CITEL coalition (v2) or the cluster of
        # Canada, the largest CITEL member after the US (v1), before and after the withdrawal.
        followed = collections.Counter()
        rounds = (0, WITHDRAWAL - 1, WITHDRAWAL, WITHDRAWAL + 1, 20)
        for rep in reps:
            us = [r["coalition"] for r in by_round[(rep, WITHDRAWAL - 1)] if "USA" in r["members"].split(";")]
            followed[("US in round 9", 0, ", ".join(us) or "no coalition")] += 1
            if leaders is not None:
                lead = {(int(l["round"]), l["group"]): l["leader"] for l in leaders if int(l["replication"]) == rep}
                for item in sorted({g.split("@")[1] for (_, g) in lead}):
                    for t in rounds:
                        gone = "(no CITEL coalition)" if state[(rep, t, item)] == "open" else "(item decided)"
                        followed[("CITEL@" + item, t, lead.get((t, "CITEL@" + item), gone))] += 1
                        if state[(rep, t, item)] == "open" and t > 0:
                            can = [c["coalition"] for c in by_round[(rep, t)] if c["coalition"].endswith("@" + item)
                                   and "CAN" in c["members"].split(";")]
                            followed[("CAN's coalition on " + item, t,
                                      (can[0].split("@")[0] + " led by " + lead[(t, can[0])]) if can else "alone")] += 1
            else:
                for t in rounds:
                    cluster = [c for c in by_round[(rep, t)] if "CAN" in c["members"].split(";")]
                    name = "(CAN in no cluster)"
                    if cluster:
                        members = cluster[0]["members"].split(";")
                        name = max(members, key=lambda d: (caps.get(d, 0), d))
                    followed[("cluster of CAN", t, name)] += 1
        for key in sorted(followed):
            print("  %-32s round %2d: %-28s in %2d of %d replications"
                  % (key[0], key[1], key[2], followed[key], len(reps)))
        events = rows(run, "coalition-events.csv")
        if events is not None:
            counts = collections.defaultdict(collections.Counter)
            for e in events:
                t = int(e["round"])
                for label, low, high in WINDOWS:
                    if low <= t <= high:
                        counts[label][e["event"]] += 1
            for label, low, high in WINDOWS:
                per = len(reps) * (high - low + 1)
                c = counts[label]
                print("  rounds %-6s per replication and round: defect %.2f  join %.2f  leave %.2f  merge %.3f  split %.3f"
                      "  dissolve %.3f  succession %.3f"
                      % (label, c["defect"] / per, c["join"] / per, c["leave"] / per, c["merge"] / per,
                         c["split"] / per, c["dissolve"] / per, c["succession"] / per))
        else:
            # v1: how many delegations change cluster between consecutive rounds (clusters matched by overlap).
            for label, low, high in WINDOWS:
                moved = 0
                for rep in reps:
                    for t in range(low, high + 1):
                        prev = {m: c["coalition"] for c in by_round[(rep, t - 1)] for m in c["members"].split(";")}
                        now = {m: c["coalition"] for c in by_round[(rep, t)] for m in c["members"].split(";")}
                        moved += sum(1 for m in set(prev) | set(now) if (m in prev) != (m in now))
                print("  rounds %-6s delegations entering or leaving any cluster per replication and round: %.2f"
                      % (label, moved / (len(reps) * (high - low + 1))))
        counts = collections.Counter()
        for r in coalitions:
            if int(r["round"]) in (WITHDRAWAL - 1, WITHDRAWAL + 1, 20):
                counts[int(r["round"])] += 1
        print("  coalitions (all open items) per replication: round 9 %.1f, round 11 %.1f, round 20 %.1f"
              % (counts[9] / len(reps), counts[11] / len(reps), counts[20] / len(reps)))


def most(counter):
    total = sum(counter.values())
    name, count = counter.most_common(1)[0] if counter else ("-", 0)
    return "%s %d/%d" % (name, count, total)


def brief(runs):
    """One row per v2 run: US and CITEL leadership on res-hr-standards, realignments, the outcome."""
    print("| run | US in a coalition at round 9 | CITEL leader, round 9 | CITEL leader, round 11 | CAN's coalition, round 11"
          " | realignments per rep., rounds 10-12 | HR text | decided |")
    print("|---|---|---|---|---|---|---|---|")
    item = "res-hr-standards"
    for run in runs:
        coalitions = rows(run, "coalitions.csv")
        leaders = {(int(l["replication"]), int(l["round"]), l["group"]): l["leader"] for l in rows(run, "leaders.csv")}
        reps = sorted({int(r["replication"]) for r in rows(run, "outcomes.csv")})
        us, cit9, cit11, can11 = 0, collections.Counter(), collections.Counter(), collections.Counter()
        for r in coalitions:
            rep, t, members = int(r["replication"]), int(r["round"]), r["members"].split(";")
            if t == 9 and "USA" in members:
                us += 1
            if t == 11 and r["coalition"].endswith("@" + item) and "CAN" in members:
                can11[r["coalition"].split("@")[0] + " led by " + leaders[(rep, t, r["coalition"])]] += 1
        for rep in reps:
            cit9[leaders.get((rep, 9, "CITEL@" + item), "none")] += 1
            cit11[leaders.get((rep, 11, "CITEL@" + item), "none")] += 1
        realign = sum(1 for e in rows(run, "coalition-events.csv") if 10 <= int(e["round"]) <= 12
                      and e["event"] in ("defect", "merge", "split", "dissolve", "succession"))
        outcomes = [o for o in rows(run, "outcomes.csv") if o["item"] == item]
        hr = sum(float(o["human_rights"]) for o in outcomes) / len(outcomes)
        decided = [int(o["round"]) for o in outcomes if o["round"]]
        print("| %s | %d of %d item-rounds | %s | %s | %s | %.2f | %.3f | %.1f |" % (
            os.path.basename(os.path.dirname(os.path.dirname(run.rstrip("/")))) or run, us, 3 * len(reps),
            most(cit9), most(cit11), most(can11), realign / len(reps), hr, sum(decided) / max(1, len(decided))))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--brief"]:
        brief(sys.argv[2:])
    else:
        main(sys.argv[1:])
