# Raking references from R's survey package, for the weights reports rake to a membership roll
# (issue 14, item 2).
#
# Run (writes raking.json beside this script, from raking.csv):
#   Rscript Tests/SurveyCLITests/References/raking_reference.R
#
# The survey (raked.survey beside this script) rakes per wave, from the base weights, to three
# margins: chapter (north, south, east, tiny: a chapter of three), age (a1..a4) and gender
# (woman, man, other). The chapter margin comes from raked-margins.csv and differs in wave 2.
# Every margin question has missing answers. The toolkit's convention for them: a margin gets one
# more category, "missing", whose target is N * (base weight of those without an answer / base
# weight of the wave); the roll's counts are scaled to the rest. Here that is written out as a
# factor level with that population count, so that survey::rake does the raking itself.
#
# For each wave:
# An empty margin cell (age a5: nobody on the roll, nobody answered) is left out of the margin's
# frame, as survey::rake needs; the toolkit accepts it and raking leaves it empty.
#   weights: rake(svydesign(ids = ~1, weights = ~base), ...) with maxit = 2000, epsilon = 1e-13
#     (relative to the weight total), one weight per row in file order;
#   kish: n * sum(w^2) / sum(w)^2 and sum(w)^2 / sum(w^2);
#   trimmed (wave 1 only; wave 2's chapter of three needs adjustments no such bounds allow): the
#     same raking with each weight adjustment g = w / base kept within 0.7 and 3 times the
#     average adjustment N / sum(base): rake, clip g, rake again from the clipped weights, until
#     after a raking every g is within the bounds (to 1e-9 of the average);
#   score: svymean(~score, svydesign(ids = ~1, weights = ~w), na.rm = TRUE): mean and SE, the
#     weights treated as given (the toolkit's convention, stated in METHODS.md);
#   flag: svymean of flag == "yes" and svyciprop(method = "beta") over the rows with a flag, as
#     a domain of the wave's design (subset() of the design, as svymean's na.rm does);
#   chapters: svyby(~score, ~chapter, design, svymean, na.rm = TRUE): each chapter's mean score
#     and SE as a domain of the wave (the chapter of three included; the toolkit withholds it).
# Numbers are written with "%.17g".
suppressPackageStartupMessages(library(survey))
script_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
data <- read.csv(file.path(script_dir, "raking.csv"), stringsAsFactors = FALSE,
                 na.strings = "")
num <- function(v) sprintf("%.17g", v)
vec <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")

roll <- list(
  chapter = list(`1` = c(north = 300, south = 200, east = 150, tiny = 30),
                 `2` = c(north = 310, south = 190, east = 150, tiny = 30)),
  age = c(a1 = 120, a2 = 200, a3 = 220, a4 = 140, a5 = 0),
  gender = c(woman = 360, man = 290, other = 30))

margin <- function(rows, variable, counts) {
  values <- ifelse(is.na(rows[[variable]]), "missing", rows[[variable]])
  missing <- sum(rows$base[values == "missing"]) / sum(rows$base)
  size <- sum(counts)
  frame <- data.frame(level = c(names(counts), "missing"),
                      Freq = c(counts / size * size * (1 - missing), size * missing))
  frame <- frame[frame$Freq > 0, ]
  names(frame)[1] <- paste0(variable, "_m")
  list(values = factor(values, levels = frame[[1]]), frame = frame)
}

rake_wave <- function(rows, start) {
  margins <- list(margin(rows, "chapter", roll$chapter[[as.character(rows$wave[1])]]),
                  margin(rows, "age", roll$age), margin(rows, "gender", roll$gender))
  rows$chapter_m <- margins[[1]]$values
  rows$age_m <- margins[[2]]$values
  rows$gender_m <- margins[[3]]$values
  rows$start <- start
  design <- svydesign(ids = ~1, weights = ~start, data = rows)
  raked <- rake(design, list(~chapter_m, ~age_m, ~gender_m), lapply(margins, `[[`, "frame"),
                control = list(maxit = 2000, epsilon = 1e-13))
  unname(weights(raked))
}

entries <- c()
for (wave in 1:2) {
  rows <- data[data$wave == wave, ]
  w <- rake_wave(rows, rows$base)
  n <- nrow(rows)
  size <- 680
  average <- size / sum(rows$base)
  low <- 0.7 * average
  high <- 3 * average
  trimmed <- w
  rounds <- 0
  while (wave == 1 && any(trimmed / rows$base < low - 1e-9 * average |
                          trimmed / rows$base > high + 1e-9 * average) && rounds < 200) {
    rounds <- rounds + 1
    g <- pmin(pmax(trimmed / rows$base, low), high)
    trimmed <- rake_wave(rows, rows$base * g)
  }
  design <- svydesign(ids = ~1, weights = ~w, data = transform(rows, w = w))
  score <- svymean(~score, design, na.rm = TRUE)
  everyone <- svydesign(ids = ~1, weights = ~w,
                        data = transform(rows, w = w, yes = as.numeric(flag == "yes")))
  flag_design <- subset(everyone, !is.na(flag))
  share <- svymean(~yes, flag_design)
  ci <- attr(svyciprop(~yes, flag_design, method = "beta"), "ci")
  by_chapter <- svyby(~score, ~chapter, design, svymean, na.rm = TRUE)
  chapters <- paste(sprintf('"%s": {"mean": %s, "se": %s}', by_chapter$chapter,
                            num(coef(by_chapter)), num(SE(by_chapter))), collapse = ", ")
  entries <- c(entries, sprintf(paste0(
    '"%d": {"ids": %s, "weights": %s, "deff": %s, "neff": %s, "trimmed": %s, ',
    '"trim_rounds": %d, "score": {"mean": %s, "se": %s}, ',
    '"flag": {"share": %s, "se": %s, "lower": %s, "upper": %s}, "chapters": {%s}}'),
    wave, vec(rows$respondent_id), vec(w), num(n * sum(w^2) / sum(w)^2),
    num(sum(w)^2 / sum(w^2)), vec(trimmed), rounds, num(coef(score)), num(SE(score)),
    num(coef(share)), num(SE(share)), num(ci[1]), num(ci[2]), chapters))
}
writeLines(paste0("{", paste(entries, collapse = ",\n"), "}"),
           file.path(script_dir, "raking.json"))
