# Design-based tests from R's survey package, for the weighted comparisons of SurveyStatistics
# (issue 14): svyttest for means and for the difference of shares, svychisq (second-order
# Rao-Scott, statistic = "F", the default) for shares.
#
# Run (writes design_tests.json beside this script, from groups.csv, which groups_reference.R
# wrote):
#   Rscript Tests/SurveyStatisticsTests/References/design_tests_reference.R
#
# Each comparison is two groups of rows, stacked into one design svydesign(ids = ~1,
# weights = ~weight) over the rows with a value (as svyttest and svychisq drop the others),
# with g = 1 for the first group: a chapter against the rest of its wave ("rest"), or a group's
# wave 1 against its wave 2 ("waves"). For the score (a mean) and the flag (a share):
#   svyttest(y ~ g): the difference (group 1 minus group 2), its SE, t, df, p and the 95 %
#     interval estimate +/- qt(0.975, df) * SE;
#   svychisq(~ flag + g): F, ndf, ddf and p.
# The chapters include "tiny" (3 and 4 rows, one score missing), and the data has missing values.
# Numbers are written with "%.17g".
suppressPackageStartupMessages(library(survey))
options(warn = -1)
script_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
data <- read.csv(file.path(script_dir, "groups.csv"), stringsAsFactors = FALSE)
num <- function(v) if (is.null(v) || length(v) == 0 || is.na(v)) "null" else sprintf("%.17g", v)

ttest <- function(rows, variable) {
  rows <- rows[!is.na(rows[[variable]]), ]
  design <- svydesign(ids = ~1, weights = ~weight, data = rows)
  test <- svyttest(as.formula(paste(variable, "~ factor(2 - g)")), design)
  # factor(2 - g): level "0" is group 1, so the coefficient is group 2 minus group 1; flip it.
  estimate <- -unname(test$estimate)
  se <- unname(abs(test$estimate / test$statistic))
  df <- unname(test$parameter)
  q <- qt(0.975, df)
  sprintf('{"difference": %s, "se": %s, "t": %s, "df": %s, "p": %s, "lower": %s, "upper": %s}',
          num(estimate), num(se), num(-unname(test$statistic)), num(df), num(test$p.value),
          num(estimate - q * se), num(estimate + q * se))
}

chisq <- function(rows) {
  rows <- rows[!is.na(rows$flag), ]
  design <- svydesign(ids = ~1, weights = ~weight, data = rows)
  test <- svychisq(~flag + g, design)
  sprintf('{"F": %s, "ndf": %s, "ddf": %s, "p": %s}', num(unname(test$statistic)),
          num(unname(test$parameter[1])), num(unname(test$parameter[2])), num(test$p.value))
}

entry <- function(kind, chapter, wave, first, second) {
  rows <- rbind(cbind(first, g = 1), cbind(second, g = 0))
  sprintf('{"kind": "%s", "chapter": %s, "wave": %s, "score": %s, "flag": %s, "chisq": %s}',
          kind, if (is.na(chapter)) "null" else sprintf('"%s"', chapter), num(wave),
          ttest(rows, "score"), ttest(rows, "flag"), chisq(rows))
}

entries <- c()
for (wave in 1:2) {
  for (chapter in c("north", "south", "flat", "tiny")) {
    inWave <- data[data$wave == wave, ]
    entries <- c(entries, entry("rest", chapter, wave, inWave[inWave$chapter == chapter, ],
                                inWave[inWave$chapter != chapter, ]))
  }
}
for (chapter in c("north", "south", "tiny", NA)) {
  group <- if (is.na(chapter)) data else data[data$chapter == chapter, ]
  entries <- c(entries, entry("waves", chapter, NA, group[group$wave == 1, ],
                              group[group$wave == 2, ]))
}
writeLines(c("{\"comparisons\": [", paste(entries, collapse = ",\n"), "]}"),
           file.path(script_dir, "design_tests.json"))
