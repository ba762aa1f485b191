# Attributable excess and fraction in the population, from R's epiR (issue 16), for the
# "Where to start" section: epi.2by2(method = "cross.sectional", units = 1) on 2x2 tables
# (rows exposed / unexposed, columns with / without the outcome), reading
#   PARisk.strata.wald  (p_all - p_unexposed, Wald interval)
#   PAFRisk.strata.wald ((p_all - p_unexposed) / p_all, Jewell's interval)
# Tables include zero cells, a cause nobody is exposed to (epi.2by2 stops with an error there;
# the entry says so, and the toolkit gives no figure) and a chapter at the minimum group size
# (10 people). For mean outcomes, the excess mean_all - mean_unexposed with the variances of
# the two means added and Welch-Satterthwaite df, computed here from var() and qt().
#
# Run (writes attributable.json beside this script):
#   Rscript Tests/SurveyStatisticsTests/References/attributable_reference.R
suppressPackageStartupMessages(library(epiR))
options(warn = -1)
script_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
num <- function(v) if (is.na(v) || is.nan(v)) "null" else if (is.infinite(v)) (if (v > 0) "\"inf\"" else "\"-inf\"") else sprintf("%.17g", v)
tables <- list(
  c(a = 40, b = 20, c = 47, d = 53),     # exposure goes with the outcome
  c(a = 13, b = 2163, c = 5, d = 3349),  # epiR's own example
  c(a = 6, b = 0, c = 4, d = 0),         # a chapter of 10, everyone with the outcome known
  c(a = 3, b = 2, c = 2, d = 3),         # a chapter at the minimum group size
  c(a = 0, b = 12, c = 9, d = 30),       # nobody exposed has the outcome
  c(a = 0, b = 0, c = 17, d = 33),       # nobody exposed
  c(a = 8, b = 4, c = 0, d = 20),        # nobody unexposed has the outcome
  c(a = 12, b = 30, c = 25, d = 20)      # exposure goes with less of the outcome
)
entries <- sapply(tables, function(t) {
  dat <- as.table(matrix(c(t[["a"]], t[["b"]], t[["c"]], t[["d"]]), nrow = 2, byrow = TRUE))
  r <- tryCatch(epi.2by2(dat, method = "cross.sectional", conf.level = 0.95, units = 1),
                error = function(e) NULL)
  if (is.null(r)) {
    # epi.2by2 stops when nobody is exposed: there is no attributable excess to estimate.
    return(sprintf('{"a": %s, "b": %s, "c": %s, "d": %s, "epiR": "error"}',
                   num(t[["a"]]), num(t[["b"]]), num(t[["c"]]), num(t[["d"]])))
  }
  par <- r$massoc.detail$PARisk.strata.wald
  paf <- r$massoc.detail$PAFRisk.strata.wald
  sprintf(paste0('{"a": %s, "b": %s, "c": %s, "d": %s, "excess": [%s, %s, %s], ',
                 '"fraction": [%s, %s, %s]}'),
          num(t[["a"]]), num(t[["b"]]), num(t[["c"]]), num(t[["d"]]),
          num(par$est), num(par$lower), num(par$upper),
          num(paf$est), num(paf$lower), num(paf$upper))
})
means <- list(
  list(exposed = c(7, 8, 6, 9, 7, 8, 5, 9), unexposed = c(4, 5, 3, 6, 4, 5, 5, 4, 3, 6)),
  list(exposed = c(3, 4, 3, 5, 4), unexposed = c(5, 6, 4, 6, 5, 7, 6, 5, 6, 4, 5, 6))
)
mean_entries <- sapply(means, function(m) {
  all <- c(m$exposed, m$unexposed)
  u <- m$unexposed
  va <- var(all) / length(all)
  vu <- var(u) / length(u)
  se <- sqrt(va + vu)
  df <- (va + vu)^2 / (va^2 / (length(all) - 1) + vu^2 / (length(u) - 1))
  est <- mean(all) - mean(u)
  q <- qt(0.975, df)
  sprintf(paste0('{"exposed": [%s], "unexposed": [%s], "excess": %s, "se": %s, "df": %s, ',
                 '"lower": %s, "upper": %s}'),
          paste(m$exposed, collapse = ", "), paste(m$unexposed, collapse = ", "),
          num(est), num(se), num(df), num(est - q * se), num(est + q * se))
})
writeLines(sprintf('{"tables": [%s],\n "means": [%s]}', paste(entries, collapse = ",\n  "),
                   paste(mean_entries, collapse = ",\n  ")),
           file.path(script_dir, "attributable.json"))
