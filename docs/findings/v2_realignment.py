#!/usr/bin/env python3
"""Figures of docs/findings.md, "Model v2: who leads, and do coalitions realign": reads saved runs only.

usage: v2_realignment.py RUN_DIR [RUN_DIR ...]   (run directories of us-withdraws[-v2], itu-baseline[-v2])
       v2_realignment.py --brief RUN_DIR ...      (one table row per v2 run: the sweep of docs/findings.md)
       v2_realignment.py --settling RUN_DIR ...   (membership ends by absence, and membership or leadership
                                                   events per replication in rounds 3-9: issue 18's target)
For each run: where the US stands in the round before its withdrawal (round 9), who leads the CITEL
coalition on each item before and after, the coalitions on the human-rights text with their leaders
before and after, and the realignments per replication and round. v1 runs have no leaders: the cluster
of Canada is followed instead, named by its member with the most capability.
"""
import collections
import csv
import os
import sys

WITHDRAWAL = 10
ITEM = "res-hr-standards"
WESTERN = ("GBR", "JPN", "AUS", "KOR", "MEX")   # with CAN (followed on every item): Western states outside the EU
MEMBERSHIP = ("join", "defect", "leave", "found", "merge", "dissolve", "succession")
WINDOWS = [("1", 1, 1), ("2-9", 2, 9), ("10", 10, 10), ("11-12", 11, 12), ("13-20", 13, 20), ("21-60", 21, 60)]


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


def pen_holders(events):
    """(replication, item) -> [(round, holder)], each change of pen-holder in order: a `pen` event gives
    it to its coalition, and a merge moves it from the absorbed coalition to the survivor (ODD 7.4b)."""
    holders = collections.defaultdict(list)
    for e in events:
        key = (e["replication"], e["item"])
        held = holders[key][-1][1] if holders[key] else "chair"
        if e["event"] == "pen" or (e["event"] == "merge" and e["other"] == held):
            holders[key].append((int(e["round"]), e["coalition"]))
    return holders


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
        sizes = collections.defaultdict(list)
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
            if leaders is not None:
                # The coalitions on the human-rights text, each named by its id and its leader, before
                # and after the withdrawal.
                for t in (WITHDRAWAL - 1, WITHDRAWAL + 1):
                    for c in by_round[(rep, t)]:
                        if c["coalition"].endswith("@" + ITEM):
                            named = "%s led by %s" % (c["coalition"].split("@")[0], lead[(t, c["coalition"])])
                            followed[("coalition on " + ITEM, t, named)] += 1
                            sizes[(t, named)].append((int(c["size"]), float(c["capability_share"])))
                            for d in WESTERN:
                                if d in c["members"].split(";"):
                                    followed[(d + "'s coalition on " + ITEM, t, named)] += 1
        for key in sorted(followed):
            size = sizes.get(key[1:])
            print("  %-32s round %2d: %-28s in %2d of %d replications%s"
                  % (key[0], key[1], key[2], followed[key], len(reps), " (mean %.1f members, %.2f of capability)" % (
                      sum(n for n, _ in size) / len(size), sum(c for _, c in size) / len(size)) if size else ""))
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
                print("  rounds %-6s per replication and round: defect %.2f  join %.2f  leave %.2f  found %.3f  merge %.3f"
                      "  dissolve %.3f  succession %.3f"
                      % (label, c["defect"] / per, c["join"] / per, c["leave"] / per, c["found"] / per,
                         c["merge"] / per, c["dissolve"] / per, c["succession"] / per))
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
        if events is not None:
            # Who holds the pen in the round an item closes (the chair before any pen event).
            closing = {(o["replication"], o["item"]): int(o["round"]) for o in rows(run, "outcomes.csv") if o["round"]}
            holders = pen_holders(events)
            pens = collections.Counter()
            for (rep, item), t in sorted(closing.items()):
                held = [c for r, c in holders[(rep, item)] if r <= t]
                pens[(item, (held[-1] if held else "chair").split("@")[0])] += 1
            for (item, holder), n in sorted(pens.items()):
                print("  pen when %s closes: %-8s in %2d of %d replications" % (item, holder, n, len(reps)))
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
    """One row per v2 run: the US, CITEL and the strongest coalition on the human-rights text, the churn, the outcome."""
    print("| run | US in a coalition at round 9 | US's coalition on the text, round 9; its leader, round 11"
          " | coalitions on the text, round 9 | CITEL leader, round 9 | CITEL leader, round 11"
          " | CAN's coalition, round 11 | strongest coalition, round 11 | membership events per rep., rounds 2-9"
          " | realignments per rep., rounds 10-12 | HR text | decided |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for run in runs:
        coalitions = rows(run, "coalitions.csv")
        leaders = {(int(l["replication"]), int(l["round"]), l["group"]): l["leader"] for l in rows(run, "leaders.csv")}
        reps = sorted({int(r["replication"]) for r in rows(run, "outcomes.csv")})
        us, on9 = 0, 0
        cit9, cit11, can11, top11, usled = (collections.Counter() for _ in range(5))
        strongest, us_coalition = {}, {}
        for r in coalitions:
            rep, t, members = int(r["replication"]), int(r["round"]), r["members"].split(";")
            if t == 9 and "USA" in members:
                us += 1
            if not r["coalition"].endswith("@" + ITEM):
                continue
            if t == 9 and "USA" in members:
                us_coalition[rep] = r["coalition"]
            on9 += t == 9
            named = r["coalition"].split("@")[0] + " led by " + leaders[(rep, t, r["coalition"])]
            if t == 11 and "CAN" in members:
                can11[named] += 1
            if t == 11 and float(r["capability_share"]) > strongest.get(rep, (-1, ""))[0]:
                strongest[rep] = (float(r["capability_share"]), named)
        for rep in reps:
            # The US's coalition on the text in round 9, and who leads that coalition after the withdrawal.
            mine = us_coalition.get(rep)
            usled[("%s led by %s, then %s" % (mine.split("@")[0], leaders[(rep, 9, mine)],
                                               leaders.get((rep, 11, mine), "dissolved"))) if mine else "alone"] += 1
            cit9[leaders.get((rep, 9, "CITEL@" + ITEM), "none")] += 1
            cit11[leaders.get((rep, 11, "CITEL@" + ITEM), "none")] += 1
            top11[strongest.get(rep, (0, "none"))[1]] += 1
        events = rows(run, "coalition-events.csv")
        settling = sum(1 for e in events if 2 <= int(e["round"]) <= 9 and e["event"] in MEMBERSHIP)
        realign = sum(1 for e in events if 10 <= int(e["round"]) <= 12
                      and e["event"] in ("defect", "found", "merge", "dissolve", "succession"))
        outcomes = [o for o in rows(run, "outcomes.csv") if o["item"] == ITEM]
        hr = sum(float(o["human_rights"]) for o in outcomes) / len(outcomes)
        decided = [int(o["round"]) for o in outcomes if o["round"]]
        print("| %s | %d of %d item-rounds | %s | %.1f | %s | %s | %s | %s | %.2f | %.2f | %.3f | %.1f |" % (
            os.path.basename(os.path.dirname(os.path.dirname(run.rstrip("/")))) or run, us, 3 * len(reps),
            most(usled), on9 / len(reps), most(cit9), most(cit11), most(can11), most(top11), settling / len(reps),
            realign / len(reps), hr, sum(decided) / max(1, len(decided))))


def settling(runs):
    """Issue 18's target: no membership ends by absence; few membership or leadership events in rounds 3-9."""
    for run in runs:
        events = rows(run, "coalition-events.csv")
        reps = sorted({int(r["replication"]) for r in rows(run, "outcomes.csv")})
        absence = sum(1 for e in events if e["event"] == "leave" and e["other"].startswith("absen"))
        per = collections.Counter()
        named = collections.Counter()
        by_round = collections.Counter()
        for e in events:
            if e["event"] in MEMBERSHIP:
                by_round[int(e["round"])] += 1
                if 3 <= int(e["round"]) <= 9:
                    per[int(e["replication"])] += 1
                    named[(e["round"], e["item"], e["event"], e["coalition"], e["delegation"], e["other"])] += 1
        print("== %s (%d replications)" % (run, len(reps)))
        print("  memberships ended by absence: %d" % absence)
        print("  membership or leadership events in rounds 3-9, per replication: %s (max %d, mean %.1f)" % (
            ", ".join(str(per[r]) for r in reps), max(per[r] for r in reps), sum(per.values()) / len(reps)))
        print("  membership or leadership events per replication, by round: %s" % ", ".join(
            "%d: %.1f" % (t, n / len(reps)) for t, n in sorted(by_round.items())))
        for key, n in sorted(named.items()):
            print("  round %s %s %s %s %s %s: %d" % (key + (n,)))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--brief"]:
        brief(sys.argv[2:])
    elif sys.argv[1:2] == ["--settling"]:
        settling(sys.argv[2:])
    else:
        main(sys.argv[1:])
