# Group reference values from R for the SurveyStatistics tests (chapters x waves).
#
# Run from the repository root (or from anywhere; outputs are written beside this script):
#   Rscript Tests/SurveyStatisticsTests/References/groups_reference.R
#
# 1. Generates the synthetic data set groups.csv deterministically (set.seed(20261124)):
#    columns chapter,wave,person,weight,score,flag,item,exposed,index; four chapters
#    (north 40/36 rows in waves 1/2, south 25/27, tiny 3/4, flat 12/12). About 60 % of a
#    chapter's wave-2 persons also answered wave 1 (same key); in "flat" the same 12 persons
#    answer both waves and score = 3, flag = 1, item = 4 throughout. Person keys are unique
#    across the whole organization. Written with write.csv(row.names = FALSE, na = "").
# 2. Reads groups.csv back (so every value below is computed from exactly the numbers in the
#    CSV, e.g. 3.33333333333333 rather than 10/3) and writes groups.json with:
#    - "groups": per (chapter | null = organization) x wave: descriptive statistics of score
#      (mean, sd, t.test CI, quantile type 7, survey-weighted domain mean/SE/CI, Kish n),
#      flag (Wilson and Clopper-Pearson CIs, svyciprop(method = "beta"), Kish n) and item
#      (median and quartiles).
#    - "chapter_vs_rest" (north, south, flat vs the other chapters, each wave) and "waves"
#      (wave 1 vs wave 2 for north, south and the organization): Welch t.test, Newcombe hybrid
#      score interval + chisq.test(correct = FALSE) + Cramer's V + fisher.test for flag,
#      wilcox.test (rank sum, normal approximation with continuity correction) for item and
#      chisq.test of group x item.
#    - "paired" (persons in both waves; north, south, organization): paired t.test of score,
#      McNemar exact (binomial) test of flag, Wilcoxon signed-rank (normal approx.) of item.
#    - "exposure" (organization, wave 1): exposed vs unexposed score (Welch) and flag (shares),
#      Spearman correlations of index with score and with flag.
#    - "bh": p.adjust(method = "BH") over the Welch, chi-square and Mann-Whitney p-values.
#    Weighted values use svydesign(ids = ~1, weights = ~weight) over all rows of a wave and
#    domain subsets (subset(des, chapter == X & !is.na(score))), so the standard error keeps the
#    full-wave n/(n-1) factor, as svyby does.
# Numbers are written with "%.17g"; NA/NaN become null. jsonlite is not needed.
suppressPackageStartupMessages({
  library(survey)
})
options(warn = -1)

# ---- where am I -------------------------------------------------------------------------
script_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
csv_path <- file.path(script_dir, "groups.csv")
json_path <- file.path(script_dir, "groups.json")

# ---- small JSON writer ------------------------------------------------------------------
num <- function(v) {
  if (is.null(v) || length(v) == 0 || is.na(v) || is.nan(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) '"inf"' else '"-inf"')
  sprintf("%.17g", v)
}
to_json <- function(x, indent = "") {
  inner <- paste0(indent, " ")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    nm <- names(x)
    if (!is.null(nm) && length(x) > 0 && all(nm != "")) {
      parts <- vapply(seq_along(x), function(i) paste0(inner, '"', nm[i], '": ', to_json(x[[i]], inner)), "")
      return(paste0("{\n", paste(parts, collapse = ",\n"), "\n", indent, "}"))
    }
    if (length(x) == 0) return("[]")
    parts <- vapply(x, function(e) paste0(inner, to_json(e, inner)), "")
    return(paste0("[\n", paste(parts, collapse = ",\n"), "\n", indent, "]"))
  }
  if (is.character(x)) {
    if (length(x) == 1 && is.na(x)) return("null")
    s <- paste0('"', x, '"')
    return(if (length(x) == 1) s else paste0("[", paste(s, collapse = ", "), "]"))
  }
  if (is.logical(x) && length(x) == 1 && !is.na(x)) return(if (x) "true" else "false")
  x <- as.numeric(x)
  if (length(x) == 1) return(num(x))
  paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
}
# A JSON array of numbers, even of length 0 or 1.
numarr <- function(v) paste0("[", paste(vapply(as.numeric(v), num, ""), collapse = ", "), "]")
class_raw <- function(s) structure(list(s), class = "rawjson")

# ---- 1. generate the data ---------------------------------------------------------------
set.seed(20261124)
clip <- function(x, lo, hi) pmin(pmax(x, lo), hi)
thirds <- function(x) clip(round(x * 3) / 3, 1, 5)
na_some <- function(x, p) { x[runif(length(x)) < p] <- NA; x }

counts <- list(north = c(40, 36), south = c(25, 27), tiny = c(3, 4), flat = c(12, 12))
next_key <- 0
new_keys <- function(n) {
  k <- next_key + seq_len(n)
  next_key <<- next_key + n
  sprintf("p%03d", k)
}

rows <- list()
for (ch in names(counts)) {
  n1 <- counts[[ch]][1]
  n2 <- counts[[ch]][2]
  keys1 <- new_keys(n1)
  if (ch == "flat") {
    keys2 <- keys1
  } else {
    shared <- round(0.6 * n2)
    keys2 <- c(sample(keys1, shared), new_keys(n2 - shared))
    keys2 <- keys2[order(keys2)]
  }
  persons <- unique(c(keys1, keys2))
  trait <- setNames(rnorm(length(persons)), persons)  # person level, shared across waves
  flag1 <- setNames(rep(NA_real_, length(persons)), persons)
  for (w in 1:2) {
    keys <- if (w == 1) keys1 else keys2
    n <- length(keys)
    z <- trait[keys]
    exposed_full <- rbinom(n, 1, 0.4)
    raw <- 3 + 0.8 * z - 0.45 * exposed_full + rnorm(n, 0, 0.45)
    score <- thirds(raw)
    p_flag <- plogis(-0.6 - 1.1 * (raw - 3) + 0.9 * exposed_full)
    flag <- rbinom(n, 1, p_flag)
    if (w == 2) {
      prev <- flag1[keys]
      keep <- !is.na(prev) & runif(n) < 0.6    # returning persons often keep their flag
      flag[keep] <- prev[keep]
    } else {
      flag1[keys] <- flag
    }
    item <- clip(round(3 + 0.9 * z - 0.3 * exposed_full + rnorm(n, 0, 0.7)), 1, 5)
    k16 <- clip(round(16 * plogis(-1.1 * (raw - 3) + rnorm(n, 0, 0.5))), 0, 16)
    index <- k16 / 16
    weight <- round(runif(n, 0.5, 3), 3)
    exposed <- na_some(exposed_full, 0.05)
    if (ch == "flat") {
      score <- rep(3, n); flag <- rep(1, n); item <- rep(4, n)
    } else {
      score <- na_some(score, 0.10)
      flag <- na_some(flag, 0.10)
      item <- na_some(item, 0.05)
    }
    index <- na_some(index, 0.05)
    rows[[length(rows) + 1]] <- data.frame(
      chapter = ch, wave = as.integer(w), person = keys, weight = weight, score = score,
      flag = as.integer(flag), item = as.integer(item), exposed = as.integer(exposed),
      index = index, stringsAsFactors = FALSE)
  }
}
gen <- do.call(rbind, rows)
gen <- gen[order(gen$wave, match(gen$chapter, names(counts)), gen$person), ]
write.csv(gen, csv_path, row.names = FALSE, na = "")

# ---- 2. read it back and compute --------------------------------------------------------
dat <- read.csv(csv_path, na.strings = "", stringsAsFactors = FALSE,
                colClasses = c("character", "integer", "character", rep("numeric", 6)))
stopifnot(identical(names(dat), c("chapter", "wave", "person", "weight", "score", "flag",
                                  "item", "exposed", "index")))

nn <- function(x) x[!is.na(x)]
or_null <- function(ok, v) if (ok) v else NA
kish <- function(w) if (length(w) == 0) NA else sum(w)^2 / sum(w^2)

designs <- lapply(1:2, function(w) svydesign(ids = ~1, weights = ~weight, data = dat[dat$wave == w, ]))

group_entry <- function(ch, w) {
  g <- dat[dat$wave == w & (is.na(ch) | dat$chapter == ch), ]
  des <- designs[[w]]
  domain <- function(var) {
    if (is.na(ch)) subset(des, !is.na(get(var))) else subset(des, chapter == ch & !is.na(get(var)))
  }

  x <- nn(g$score); n <- length(x)
  sdx <- if (n >= 2) sd(x) else NA
  tci <- if (n >= 2 && sdx > 0) t.test(x)$conf.int else c(NA, NA)
  qs <- if (n > 0) quantile(x, c(0.5, 0.25, 0.75), type = 7, names = FALSE) else c(NA, NA, NA)
  wm <- wse <- NA
  if (n > 0) {
    d <- domain("score")
    est <- svymean(~score, d)
    wm <- unname(coef(est)); wse <- unname(SE(est))[1]
  }
  half <- if (n >= 2) qt(0.975, df = n - 1) * wse else NA
  score <- list(n = n, missing = sum(is.na(g$score)), mean = or_null(n > 0, mean(x)), sd = sdx,
                t_lower = tci[1], t_upper = tci[2], median = qs[1], q1 = qs[2], q3 = qs[3],
                w_mean = wm, w_se = or_null(n > 0, wse), w_lower = wm - half, w_upper = wm + half,
                kish = kish(g$weight[!is.na(g$score)]))

  f <- nn(g$flag); fn <- length(f); k <- sum(f)
  wil <- if (fn > 0) prop.test(k, fn, correct = FALSE)$conf.int else c(NA, NA)
  cp <- if (fn > 0) binom.test(k, fn)$conf.int else c(NA, NA)
  wp <- blo <- bhi <- NA
  if (fn > 0) {
    d <- domain("flag")
    ci <- svyciprop(~flag, d, method = "beta")
    wp <- unname(coef(ci))
    if (wp > 0 && wp < 1) { cc <- confint(ci); blo <- cc[1]; bhi <- cc[2] }
  }
  flag <- list(k = k, n = fn, missing = sum(is.na(g$flag)), wilson_lower = wil[1], wilson_upper = wil[2],
               cp_lower = cp[1], cp_upper = cp[2], w_p = wp, w_beta_lower = blo, w_beta_upper = bhi,
               kish = kish(g$weight[!is.na(g$flag)]))

  it <- nn(g$item)
  iq <- if (length(it) > 0) quantile(it, c(0.5, 0.25, 0.75), type = 7, names = FALSE) else c(NA, NA, NA)
  item <- list(n = length(it), median = iq[1], q1 = iq[2], q3 = iq[3])

  list(chapter = if (is.na(ch)) NULL else ch, wave = w, rows = nrow(g), score = score, flag = flag, item = item)
}

welch <- function(a, b) {
  a <- nn(a); b <- nn(b)
  tt <- t.test(a, b)
  list(estimate = unname(tt$estimate[1] - tt$estimate[2]), statistic = unname(tt$statistic),
       df = unname(tt$parameter), p = tt$p.value, lower = tt$conf.int[1], upper = tt$conf.int[2])
}
shares <- function(fa, fb) {
  fa <- nn(fa); fb <- nn(fb)
  k1 <- sum(fa); n1 <- length(fa); k2 <- sum(fb); n2 <- length(fb)
  p1 <- k1 / n1; p2 <- k2 / n2; dd <- p1 - p2
  w1 <- prop.test(k1, n1, correct = FALSE)$conf.int
  w2 <- prop.test(k2, n2, correct = FALSE)$conf.int
  lower <- dd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)
  upper <- dd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)
  m <- matrix(c(k1, n1 - k1, k2, n2 - k2), 2, byrow = TRUE)
  if (all(rowSums(m) > 0) && all(colSums(m) > 0)) {
    ct <- chisq.test(m, correct = FALSE)
    x2 <- unname(ct$statistic); px <- ct$p.value
  } else {
    x2 <- NA; px <- NA
  }
  list(k1 = k1, n1 = n1, k2 = k2, n2 = n2, newcombe_lower = lower, newcombe_upper = upper,
       chisq = x2, chisq_p = px, cramer_v = sqrt(x2 / (n1 + n2)), fisher_p = fisher.test(m)$p.value)
}
mann_whitney <- function(a, b) {
  wt <- wilcox.test(nn(a), nn(b), exact = FALSE, correct = TRUE)
  list(w = unname(wt$statistic), p = wt$p.value)
}
item_chisq <- function(group, item) {
  ok <- !is.na(item)
  tab <- table(group[ok], item[ok])
  tab <- tab[, colSums(tab) > 0, drop = FALSE]
  ct <- chisq.test(tab, correct = FALSE)
  x2 <- unname(ct$statistic); N <- sum(tab)
  list(statistic = x2, df = unname(ct$parameter), p = ct$p.value,
       cramer_v = sqrt(x2 / (N * (min(dim(tab)) - 1))))
}
compare <- function(A, B) {
  grp <- c(rep("A", nrow(A)), rep("B", nrow(B)))
  list(welch = welch(A$score, B$score), shares = shares(A$flag, B$flag),
       mann_whitney = mann_whitney(A$item, B$item),
       item_chisq = item_chisq(grp, c(A$item, B$item)))
}

out <- list()
out$generator <- sprintf("groups_reference.R (R %s, survey %s, psych %s)",
                         paste(R.version$major, R.version$minor, sep = "."),
                         as.character(packageVersion("survey")), as.character(packageVersion("psych")))

chapters <- c("north", "south", "tiny", "flat")
out$groups <- list()
for (w in 1:2) for (ch in c(chapters, NA)) out$groups[[length(out$groups) + 1]] <- group_entry(ch, w)

out$chapter_vs_rest <- list()
for (w in 1:2) for (ch in c("north", "south", "flat")) {
  A <- dat[dat$wave == w & dat$chapter == ch, ]
  B <- dat[dat$wave == w & dat$chapter != ch, ]
  out$chapter_vs_rest[[length(out$chapter_vs_rest) + 1]] <- c(list(chapter = ch, wave = w), compare(A, B))
}

out$waves <- list()
for (ch in c("north", "south", NA)) {
  sel <- is.na(ch) | dat$chapter == ch
  e <- compare(dat[sel & dat$wave == 1, ], dat[sel & dat$wave == 2, ])
  out$waves[[length(out$waves) + 1]] <- c(list(chapter = if (is.na(ch)) NULL else ch), e)
}

out$paired <- list()
for (ch in c("north", "south", NA)) {
  sel <- is.na(ch) | dat$chapter == ch
  w1 <- dat[sel & dat$wave == 1, ]; w2 <- dat[sel & dat$wave == 2, ]
  m <- merge(w1, w2, by = c("chapter", "person"), suffixes = c("1", "2"))
  s <- m[!is.na(m$score1) & !is.na(m$score2), ]
  tt <- t.test(s$score2, s$score1, paired = TRUE)
  f <- m[!is.na(m$flag1) & !is.na(m$flag2), ]
  a <- sum(f$flag1 == 1 & f$flag2 == 1); b <- sum(f$flag1 == 1 & f$flag2 == 0)
  c_ <- sum(f$flag1 == 0 & f$flag2 == 1); d <- sum(f$flag1 == 0 & f$flag2 == 0)
  i <- m[!is.na(m$item1) & !is.na(m$item2), ]
  wt <- wilcox.test(i$item2, i$item1, paired = TRUE, exact = FALSE, correct = TRUE)
  out$paired[[length(out$paired) + 1]] <- list(
    chapter = if (is.na(ch)) NULL else ch,
    t = list(n = nrow(s), estimate = mean(s$score2 - s$score1), statistic = unname(tt$statistic),
             df = unname(tt$parameter), p = tt$p.value, lower = tt$conf.int[1], upper = tt$conf.int[2]),
    mcnemar = list(a = a, b = b, c = c_, d = d, p = binom.test(b, b + c_, 0.5)$p.value),
    wilcoxon = list(statistic = unname(wt$statistic), p = wt$p.value))
}

w1 <- dat[dat$wave == 1, ]
spear <- function(x, y) {
  ok <- !is.na(x) & !is.na(y)
  ct <- cor.test(x[ok], y[ok], method = "spearman", exact = FALSE)
  list(n = sum(ok), rho = unname(ct$estimate), p = ct$p.value)
}
ex <- w1[!is.na(w1$exposed), ]
out$exposure <- list(
  score = welch(ex$score[ex$exposed == 1], ex$score[ex$exposed == 0]),
  flag = shares(ex$flag[ex$exposed == 1], ex$flag[ex$exposed == 0]),
  spearman = spear(w1$index, w1$score),
  spearman_flag = spear(w1$index, w1$flag))

# BH: chapter_vs_rest (welch p's, then chisq_p's, then Mann-Whitney p's, entries in file
# order), then waves in the same way.
pv <- c(); lab <- c()
for (section in c("chapter_vs_rest", "waves")) {
  entries <- out[[section]]
  tag <- function(e) paste0(section, ":", if (is.null(e$chapter)) "null" else e$chapter,
                            if (!is.null(e$wave)) paste0(":w", e$wave) else "")
  for (e in entries) { pv <- c(pv, e$welch$p); lab <- c(lab, paste0(tag(e), ":welch")) }
  for (e in entries) if (!is.na(e$shares$chisq_p)) { pv <- c(pv, e$shares$chisq_p); lab <- c(lab, paste0(tag(e), ":chisq")) }
  for (e in entries) { pv <- c(pv, e$mann_whitney$p); lab <- c(lab, paste0(tag(e), ":mann_whitney")) }
}
out$bh <- list(labels = lab, p = class_raw(numarr(pv)), adjusted = class_raw(numarr(p.adjust(pv, "BH"))))

# to_json does not know "rawjson"; splice those arrays in by hand.
to_json_raw <- function(x, indent = "") {
  if (inherits(x, "rawjson")) return(x[[1]])
  if (is.list(x) && !is.null(names(x)) && length(x) > 0 && all(names(x) != "")) {
    inner <- paste0(indent, " ")
    parts <- vapply(seq_along(x), function(i) paste0(inner, '"', names(x)[i], '": ', to_json_raw(x[[i]], inner)), "")
    return(paste0("{\n", paste(parts, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(x) && length(x) > 0 && is.null(names(x))) {
    inner <- paste0(indent, " ")
    parts <- vapply(x, function(e) paste0(inner, to_json_raw(e, inner)), "")
    return(paste0("[\n", paste(parts, collapse = ",\n"), "\n", indent, "]"))
  }
  to_json(x, indent)
}
writeLines(to_json_raw(out), json_path)
cat("wrote", csv_path, "and", json_path, "\n")
