# Writes raking.csv, the data of raking_reference.R (issue 14): two waves, four chapters (one of
# three people), missing answers in every margin question and in the outcomes, base weights.
# Deterministic (Python's random with a fixed seed); run from this folder:
#   python3 raking_data.py
import random

rng = random.Random(20261204)
rows = []
rid = 0
for wave in (1, 2):
    n = {1: 260, 2: 240}[wave]
    chapters = ["north"] * int(n * 0.45) + ["south"] * int(n * 0.3)
    chapters += ["east"] * (n - len(chapters) - 3) + ["tiny"] * 3
    for chapter in chapters:
        rid += 1
        age = rng.choices(["a1", "a2", "a3", "a4"], [0.15, 0.3, 0.35, 0.2])[0]
        if rng.random() < 0.08:
            age = ""
        gender = rng.choices(["woman", "man", "other"], [0.55, 0.4, 0.05])[0]
        if rng.random() < 0.05:
            gender = ""
        base = rng.choice(["1", "1", "1", "0.5", "1.5", "2"])
        level = {"a1": 3, "a2": 4, "a3": 5, "a4": 6, "": 5}[age] + (1 if gender == "woman" else 0)
        score = str(max(0, min(10, level + rng.randint(-3, 3))))
        if rng.random() < 0.1:
            score = ""
        lonely = 0.25 + 0.05 * {"a1": 3, "a2": 2, "a3": 1, "a4": 0, "": 1}[age]
        flag = "yes" if rng.random() < lonely else "no"
        if rng.random() < 0.07:
            flag = ""
        rows.append([str(rid), str(wave), chapter, age, gender, base, score, flag])
with open("raking.csv", "w") as f:
    f.write("respondent_id,wave,chapter,age,gender,base,score,flag\n")
    for r in rows:
        f.write(",".join(r) + "\n")
