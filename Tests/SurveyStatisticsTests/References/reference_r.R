# Reference values from R for the SurveyStatistics tests.
#
# Run from this folder:   Rscript reference_r.R
# Writes r.json beside this script. The committed r.json was produced by
# R 4.2.2 Patched (2022-11-10 r83330) with the Debian packages survey 4.1.1 and psych 2.2.9
# (no other packages; JSON is written by the small writer below, so jsonlite is not needed).
#
# Covers: base-R distributions (pnorm/qnorm, pt/qt, pchisq/qchisq, pf/qf, pbeta/qbeta,
# dbinom/pbinom, dhyper), binom.test, prop.test (Wilson score CI without correction),
# binom.test CIs (Clopper-Pearson), quantile(type = 7), mean/sd/t.test CIs, t.test (Welch,
# Student, paired), wilcox.test (rank-sum exact and asymptotic; signed-rank asymptotic),
# kruskal.test, chisq.test(correct = FALSE), fisher.test, mcnemar.test, cor.test(spearman),
# p.adjust (BH, BY), survey (svymean, svytotal, svyvar, deff, svyby, svyciprop mean/logit/
# asin/beta, confint) and psych::alpha (pairwise and listwise).
suppressPackageStartupMessages({
  library(survey)
  library(psych)
})
options(warn = -1)

num <- function(v) {
  if (is.na(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) '"inf"' else '"-inf"')
  sprintf("%.17g", v)
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    nm <- names(x)
    if (!is.null(nm) && length(x) > 0 && all(nm != "")) {
      parts <- vapply(seq_along(x), function(i) paste0('"', nm[i], '":', to_json(x[[i]])), "")
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
  }
  if (is.character(x)) {
    s <- paste0('"', x, '"')
    return(if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]"))
  }
  if (is.logical(x) && length(x) == 1 && !is.na(x)) return(if (x) "true" else "false")
  x <- as.numeric(x)
  if (length(x) == 1) return(num(x))
  paste0("[", paste(vapply(x, num, ""), collapse = ","), "]")
}
arr <- function(v) as.list(v)  # force a JSON array, even of length 0 or 1

# ---- shared data sets -------------------------------------------------------------------
A <- c(4, 5, 3, 4, 4, 5, 2, 4, 5, 3)
B <- c(2, 3, 3, 1, 4, 2, 3, 2, 3, 3, 2)
C <- c(3, 4, 4, 3, 5, 4, 3, 4)
P <- c(2.31, 4.12, 3.35, 5.01, 2.98, 4.44, 3.87)
Q <- c(1.95, 2.64, 3.12, 2.20, 2.75, 3.30, 1.81, 2.49, 2.02)
U <- c(10.2, 11.5, 9.8, 12.1, 13.4, 10.9, 11.1, 12.8, 9.5, 10.4, 11.9, 12.3)
V <- c(9.1, 10.05, 8.7, 11.25, 9.9, 10.6, 8.2, 9.35, 10.85, 9.6, 8.95, 10.3, 11.6, 9.05, 8.45)
samples <- list(
  likertAB = list(x = A, y = B), likertAC = list(x = A, y = C), likertBC = list(x = B, y = C),
  exactSmall = list(x = c(3, 5, 4, 6), y = c(1, 2, 7, 0, 8)),
  exactSevenNine = list(x = P, y = Q), continuous = list(x = U, y = V),
  pairOfTwo = list(x = c(3, 5), y = c(1, 2, 2)), threeFive = list(x = c(2, 2, 4), y = c(1, 3, 3, 5, 2)),
  heavyTies = list(x = c(1, 1, 1, 2, 2, 2, 2, 3), y = c(2, 2, 3, 3, 3, 3, 3, 3, 1))
)

out <- list()

# ---- distributions ----------------------------------------------------------------------
d <- list()
add <- function(family, fn, params, x, v) {
  if (!is.na(v) && (v == 0 || abs(v) > 1e-300)) {
    d[[length(d) + 1]] <<- list(family = family, "function" = fn, params = arr(params), x = x, expected = v)
  }
}
for (x in c(-20, -3, -1.5, 0, 0.7, 2.5, 9)) { add("norm", "cdf", c(), x, pnorm(x)); add("norm", "sf", c(), x, pnorm(x, lower.tail = FALSE)) }
for (p in c(1e-12, 0.001, 0.025, 0.5, 0.8, 0.975)) add("norm", "ppf", c(), p, qnorm(p))
for (df in c(0.3, 1, 2.5, 7, 17.537403, 19, 60, 1e4)) {
  for (x in c(-30, -4, -2, -0.2, 0, 1, 3.385878, 12)) { add("t", "cdf", df, x, pt(x, df)); add("t", "sf", df, x, pt(x, df, lower.tail = FALSE)) }
  # R's qt is inaccurate for df < 1 (qt(0.5, 0.3) = 3e-16, upper tail off by 2e-4; checked
  # against mpmath and scipy), so those quantiles come from scipy only.
  if (df >= 1) {
    for (p in c(1e-10, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975)) add("t", "ppf", df, p, qt(p, df))
    for (q in c(1e-12, 0.025)) add("t", "isf", df, q, qt(q, df, lower.tail = FALSE))
  }
}
for (df in c(0.05, 1, 3, 4, 9.5, 40, 500, 2e4)) {
  for (x in c(1e-6, 0.2, 1, 3.3, 9.675680, 11.586311, 30, 80, 600, 2.1e4)) { add("chi2", "cdf", df, x, pchisq(x, df)); add("chi2", "sf", df, x, pchisq(x, df, lower.tail = FALSE)) }
  for (p in c(1e-10, 0.01, 0.05, 0.5, 0.95, 0.999)) add("chi2", "ppf", df, p, qchisq(p, df))
  for (q in c(1e-12, 0.05)) add("chi2", "isf", df, q, qchisq(q, df, lower.tail = FALSE))
}
for (pr in list(c(1, 1), c(3, 112), c(4, 112), c(9, 27), c(0.7, 5), c(30, 2), c(200, 300))) {
  for (x in c(0.001, 0.3, 1, 2.335509, 3.199273, 8, 150)) { add("f", "cdf", pr, x, pf(x, pr[1], pr[2])); add("f", "sf", pr, x, pf(x, pr[1], pr[2], lower.tail = FALSE)) }
  # R's qf loses digits far in the lower tail (qf(1e-8, 1, 1) = 2.2e-16, exact 2.467e-16;
  # qf(1e-4, 0.7, 5) by 6e-5, against mpmath and scipy), so the lower tail starts at 0.025 here.
  for (p in c(0.025, 0.5, 0.975)) add("f", "ppf", pr, p, qf(p, pr[1], pr[2]))
  for (q in c(1e-10, 0.025)) add("f", "isf", pr, q, qf(q, pr[1], pr[2], lower.tail = FALSE))
}
for (pr in list(c(0.5, 0.5), c(0.05, 3), c(2, 9), c(9, 2), c(18.5, 2.5), c(40, 400), c(3000, 7000))) {
  m <- pr[1] / sum(pr)
  for (x in c(1e-6, 0.01, 0.2, m, 0.5, 0.9, 0.9999)) { add("beta", "cdf", pr, x, pbeta(x, pr[1], pr[2])); add("beta", "sf", pr, x, pbeta(x, pr[1], pr[2], lower.tail = FALSE)) }
  for (p in c(1e-8, 0.025, 0.5, 0.975)) { v <- qbeta(p, pr[1], pr[2]); if (v > 1e-280) add("beta", "ppf", pr, p, v) }
}
for (pr in list(c(10, 0.3), c(40, 0.45), c(45, 0.6), c(200, 0.02), c(13, 0.5))) {
  for (k in unique(c(0, 1, 3, floor(pr[1] / 2), pr[1] - 1, pr[1]))) {
    add("binom", "pmf", pr, k, dbinom(k, pr[1], pr[2]))
    add("binom", "cdf", pr, k, pbinom(k, pr[1], pr[2]))
    add("binom", "sf", pr, k, pbinom(k, pr[1], pr[2], lower.tail = FALSE))
  }
}
for (pr in list(c(21, 10, 11), c(85, 40, 45), c(300, 120, 30))) {
  # scipy's (M, n, N) = (population, successes, draws); R's dhyper(x, m = n, n = M - n, k = N)
  for (k in seq(0, pr[3], by = max(1, pr[3] %/% 6))) add("hypergeom", "pmf", pr, k, dhyper(k, pr[2], pr[1] - pr[2], pr[3]))
}
out$distributions <- d

# ---- exact binomial test and proportion intervals ---------------------------------------
bt <- list()
for (cs in list(c(3, 13, 0.5), c(10, 13, 0.5), c(0, 12, 0.5), c(7, 50, 0.1), c(18, 20, 0.75), c(5, 5, 0.3), c(682, 925, 0.75), c(2, 30, 0.25), c(40, 100, 0.4))) {
  bt[[length(bt) + 1]] <- list(k = cs[1], n = cs[2], p = cs[3], pValue = binom.test(cs[1], cs[2], cs[3])$p.value)
}
out$binomialTest <- bt
pi <- list()
for (cs in list(c(3, 10), c(0, 12), c(7, 50), c(18, 20), c(20, 20), c(1, 2), c(2, 3), c(5, 5))) {
  for (lv in c(0.9, 0.95, 0.99)) {
    cp <- binom.test(cs[1], cs[2], conf.level = lv)$conf.int
    pi[[length(pi) + 1]] <- list(successes = cs[1], trials = cs[2], level = lv, method = "clopperPearson", lower = cp[1], upper = cp[2])
    w <- prop.test(cs[1], cs[2], conf.level = lv, correct = FALSE)$conf.int
    pi[[length(pi) + 1]] <- list(successes = cs[1], trials = cs[2], level = lv, method = "wilson", lower = w[1], upper = w[2])
  }
}
out$proportionIntervals <- pi

# ---- descriptives and quantiles ---------------------------------------------------------
codes <- list(likertA = A, likertB = B, likertC = C, two = c(4, 2), three = c(5, 1, 5), single = c(3),
  allEqual = c(3, 3, 3, 3), wide = c(1, 7, 7, 2, 9, 9, 9, 4, 1, 1, 5, 6, 6, 10, 3))
qs <- list()
for (nm in names(codes)) {
  x <- codes[[nm]]
  probs <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
  e <- list(name = nm, codes = arr(x), probs = arr(probs), quantiles = arr(quantile(x, probs, type = 7, names = FALSE)), mean = mean(x))
  if (length(x) >= 2) {
    e$sd <- sd(x)
    if (sd(x) > 0) { ci <- t.test(x)$conf.int; e$tLower <- ci[1]; e$tUpper <- ci[2] }
  }
  qs[[length(qs) + 1]] <- e
}
out$descriptives <- qs

# ---- t tests ----------------------------------------------------------------------------
tt <- list()
for (nm in names(samples)) {
  s <- samples[[nm]]
  for (kind in c("welch", "student")) {
    r <- t.test(s$x, s$y, var.equal = (kind == "student"))
    tt[[length(tt) + 1]] <- list(name = nm, kind = kind, x = arr(s$x), y = arr(s$y), statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, lower = r$conf.int[1], upper = r$conf.int[2])
  }
}
w1 <- c(3, 2, 4, 3, 2, 3, 1, 4, 2, 3, 3, 2); w2 <- c(4, 4, 4, 5, 3, 2, 3, 5, 3, 4, 3, 4)
paired <- list(waves = list(x = w2, y = w1), scores = list(x = U, y = U[c(2:12, 1)] - 0.3), small = list(x = c(3, 4, 6), y = c(2, 4, 3)))
for (nm in names(paired)) {
  s <- paired[[nm]]
  r <- t.test(s$x, s$y, paired = TRUE)
  tt[[length(tt) + 1]] <- list(name = nm, kind = "paired", x = arr(s$x), y = arr(s$y), statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, lower = r$conf.int[1], upper = r$conf.int[2])
}
out$tTests <- tt

# ---- rank tests -------------------------------------------------------------------------
mw <- list()
for (nm in names(samples)) {
  s <- samples[[nm]]
  for (cc in c(TRUE, FALSE)) {
    r <- wilcox.test(s$x, s$y, exact = FALSE, correct = cc)
    mw[[length(mw) + 1]] <- list(name = nm, x = arr(s$x), y = arr(s$y), method = "asymptotic", continuity = cc, u1 = unname(r$statistic), pValue = r$p.value)
  }
  if (length(unique(c(s$x, s$y))) == length(c(s$x, s$y)) && min(length(s$x), length(s$y)) <= 8) {
    r <- wilcox.test(s$x, s$y, exact = TRUE)
    mw[[length(mw) + 1]] <- list(name = nm, x = arr(s$x), y = arr(s$y), method = "exact", continuity = TRUE, u1 = unname(r$statistic), pValue = r$p.value)
  }
}
out$mannWhitney <- mw
kw <- list()
kgroups <- list(likert = list(A, B, C), small = list(c(3, 5), c(1, 2, 2), c(2, 2, 4), c(1, 3, 3, 5, 2)), continuous = list(P, Q, U), twoGroups = list(A, B))
for (nm in names(kgroups)) {
  g <- kgroups[[nm]]
  r <- kruskal.test(g)
  kw[[length(kw) + 1]] <- list(name = nm, groups = lapply(g, arr), statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value)
}
out$kruskalWallis <- kw
sr <- list()
diffsets <- list(waves = list(x = w2, y = w1), scores = paired$scores, mixed = list(x = c(5, 3, 4, 4, 2, 5, 1, 3, 4, 2, 5, 3, 3, 4), y = c(3, 3, 2, 4, 4, 1, 2, 3, 1, 2, 2, 5, 1, 1)))
for (nm in names(diffsets)) {
  s <- diffsets[[nm]]
  for (cc in c(TRUE, FALSE)) {
    r <- wilcox.test(s$x, s$y, paired = TRUE, exact = FALSE, correct = cc)
    sr[[length(sr) + 1]] <- list(name = nm, x = arr(s$x), y = arr(s$y), zeroMethod = "wilcox", correction = cc, positiveRankSum = unname(r$statistic), pValue = r$p.value)
  }
}
out$wilcoxon <- sr

# ---- tables -----------------------------------------------------------------------------
tabs <- list(bands = rbind(c(7, 2, 1), c(1, 5, 5), c(5, 3, 0)), counts = rbind(c(7, 1, 2), c(1, 5, 5), c(5, 1, 2)),
  twoByTwo = rbind(c(8, 2), c(3, 8)), waves = rbind(c(18, 22), c(27, 18)), large = rbind(c(120, 80, 45, 30), c(60, 95, 70, 52)),
  sparse = rbind(c(1, 0, 4), c(0, 3, 1), c(2, 1, 0), c(5, 0, 2)))
cs <- list()
for (nm in names(tabs)) {
  t <- tabs[[nm]]
  r <- chisq.test(t, correct = FALSE)
  cs[[length(cs) + 1]] <- list(name = nm, table = lapply(seq_len(nrow(t)), function(i) arr(t[i, ])), statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, expected = lapply(seq_len(nrow(t)), function(i) arr(r$expected[i, ])))
}
out$chiSquare <- cs
fi <- list()
for (t in list(c(8, 2, 3, 8), c(18, 22, 27, 18), c(1, 9, 11, 3), c(0, 5, 5, 0), c(3, 0, 0, 3), c(10, 10, 10, 10), c(2, 7, 8, 2), c(12, 5, 9, 7), c(0, 4, 3, 6))) {
  m <- matrix(t, 2, byrow = TRUE)
  fi[[length(fi) + 1]] <- list(table = arr(t), pValue = fisher.test(m)$p.value)
}
out$fisher <- fi
mc <- list()
for (bc in list(c(3, 10), c(10, 3), c(0, 6), c(5, 5), c(12, 30), c(1, 2))) {
  m <- matrix(c(20, bc[1], bc[2], 15), 2, byrow = TRUE)
  a <- mcnemar.test(m, correct = FALSE); b <- mcnemar.test(m, correct = TRUE)
  mc[[length(mc) + 1]] <- list(b = bc[1], c = bc[2], exactP = binom.test(bc[1], sum(bc))$p.value, chiSquare = unname(a$statistic), chiSquareP = a$p.value, corrected = unname(b$statistic), correctedP = b$p.value)
}
out$mcnemar <- mc
tp <- list()
for (cs2 in list(c(27, 45, 18, 40), c(8, 10, 3, 11), c(0, 12, 4, 15), c(30, 60, 30, 60), c(45, 50, 20, 50))) {
  r <- prop.test(c(cs2[1], cs2[3]), c(cs2[2], cs2[4]), correct = FALSE)
  tp[[length(tp) + 1]] <- list(successes1 = cs2[1], trials1 = cs2[2], successes2 = cs2[3], trials2 = cs2[4], chiSquare = unname(r$statistic), pValue = r$p.value)
}
out$twoProportion <- tp

# ---- correlation and multiplicity -------------------------------------------------------
sp <- list()
spsets <- list(doc = list(x = c(1, 2, 2, 3, 4, 4, 5, 5, 3, 2), y = c(2, 1, 3, 3, 4, 5, 4, 5, 2, 3)), continuous = list(x = U, y = U^2 / 10 - rev(U)), negative = list(x = P, y = -P^3 + c(0.5, 0, 0.2, 0.1, 0.9, 0.3, 0.4)), three = list(x = c(1, 2, 3), y = c(2, 1, 3)))
for (nm in names(spsets)) {
  s <- spsets[[nm]]
  r <- cor.test(s$x, s$y, method = "spearman", exact = FALSE)
  sp[[length(sp) + 1]] <- list(name = nm, x = arr(s$x), y = arr(s$y), rho = unname(r$estimate), pValue = r$p.value)
}
out$spearman <- sp
fdr <- list()
for (ps in list(c(0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212, 0.216), c(0.5, 0.6, 0.1, 0.001), c(0.04, 0.04, 0.04, 0.2, 0.01, 1, 0), c(0.3, 0.3))) {
  fdr[[length(fdr) + 1]] <- list(p = arr(ps), bh = arr(p.adjust(ps, "BH")), by = arr(p.adjust(ps, "BY")))
}
out$fdr <- fdr

# ---- survey -----------------------------------------------------------------------------
ws <- list(
  kigyoSrs = list(y = c(15, 143, 21, 51, 337, 50, 274, 145, 15, 86), w = rep(100, 10)),
  kigyoPps = list(y = c(15, 143, 21, 51, 337, 50, 274, 145, 15, 86), w = c(20, 200, 11, 25, 550, 30, 250, 100, 10, 55)),
  binary = list(y = c(1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0), w = c(1.2, 0.8, 1.5, 1.0, 0.6, 0.9, 2.0, 1.1, 0.7, 1.3, 1.0, 0.8, 1.4, 0.9, 1.6, 1.0, 0.7, 1.2, 0.9, 1.4)),
  binaryUnweighted = list(y = c(1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0), w = rep(1, 20)),
  likert = list(y = c(4, 5, 3, 4, 4, 5, 2, 4, 5, 3, 2, 3, 3, 1, 4, 2, 3, 2, 3, 3, 2, 3, 4, 4, 3, 5, 4, 3, 4), w = c(1.0, 1.2, 0.8, 1.1, 0.9, 1.3, 1.0, 0.7, 1.2, 1.0, 1.4, 1.1, 0.9, 1.0, 0.8, 1.2, 1.3, 0.9, 1.0, 1.1, 1.0, 0.9, 1.0, 1.2, 0.8, 1.1, 1.0, 0.9, 1.3)),
  missing = list(y = c(3, NA, 4, 5, NA, 2, 4, 4, 1, NA, 5, 3), w = c(1.5, 2, 0.5, 1, 1, 3, 2.5, 1, 0.75, 1.25, 2, 1)),
  two = list(y = c(2, 5), w = c(1, 3)),
  three = list(y = c(1, 0, 1), w = c(1, 2, 1.5)),
  constant = list(y = c(4, 4, 4, 4), w = c(1, 2, 3, 4)),
  expansion = list(y = c(12.5, 8.1, 15.2, 9.9, 11.0, 14.3, 7.7), w = c(120, 85, 240, 60, 150, 95, 310))
)
wr <- list()
for (nm in names(ws)) {
  s <- ws[[nm]]
  dat <- data.frame(y = s$y, w = s$w)
  des <- svydesign(ids = ~1, weights = ~w, data = dat)
  m <- svymean(~y, des, na.rm = TRUE, deff = "replace")
  t <- svytotal(~y, des, na.rm = TRUE, deff = "replace")
  e <- list(name = nm, y = arr(s$y), w = arr(s$w), mean = unname(coef(m)), meanSE = unname(SE(m)), total = unname(coef(t)), totalSE = unname(SE(t)))
  if (sum(!is.na(s$y)) >= 2 && var(s$y, na.rm = TRUE) > 0) { e$meanDeff <- unname(deff(m)); e$totalDeff <- unname(deff(t)) }
  if (sum(!is.na(s$y)) >= 2) e$variance <- unname(coef(svyvar(~y, des, na.rm = TRUE)))
  wsum <- sum(s$w[!is.na(s$y)])
  if (wsum > sum(!is.na(s$y)) && var(s$y, na.rm = TRUE) > 0) {
    m2 <- svymean(~y, des, na.rm = TRUE, deff = TRUE); t2 <- svytotal(~y, des, na.rm = TRUE, deff = TRUE)
    e$meanDeffWithoutReplacement <- unname(deff(m2)); e$totalDeffWithoutReplacement <- unname(deff(t2))
  }
  ci <- confint(m); e$meanLower <- ci[1]; e$meanUpper <- ci[2]
  ci <- confint(m, df = degf(des)); e$meanTLower <- ci[1]; e$meanTUpper <- ci[2]
  wr[[length(wr) + 1]] <- e
}
out$weighted <- wr

chap <- c(rep("A", 10), rep("B", 11), rep("C", 8))
dsets <- list(
  chapters = list(y = ws$likert$y, w = ws$likert$w, g = chap),
  chaptersMissing = list(y = replace(ws$likert$y, c(3, 12, 25), NA), w = ws$likert$w, g = chap),
  unweighted = list(y = ws$likert$y, w = rep(1, 29), g = chap),
  tinyDomain = list(y = c(3, 4, 2, 5, 4, 1, 3), w = c(1, 2, 1, 1.5, 2, 1, 1), g = c("x", "x", "x", "x", "x", "y", "y"))
)
dr <- list()
for (nm in names(dsets)) {
  s <- dsets[[nm]]
  dat <- data.frame(y = s$y, w = s$w, g = s$g)
  des <- svydesign(ids = ~1, weights = ~w, data = dat)
  bm <- svyby(~y, ~g, des, svymean, na.rm = TRUE, deff = "replace")
  bt2 <- svyby(~y, ~g, des, svytotal, na.rm = TRUE)
  levels <- list()
  for (lv in sort(unique(s$g))) {
    levels[[length(levels) + 1]] <- list(domain = lv, mean = bm[lv, "y"], meanSE = bm[lv, "se"], meanDeff = bm[lv, "DEff.y"], total = bt2[lv, "y"], totalSE = bt2[lv, "se"])
  }
  dr[[length(dr) + 1]] <- list(name = nm, y = arr(s$y), w = arr(s$w), domains = arr(s$g), levels = levels)
}
out$domains <- dr

cp <- list()
pset <- list(binary = ws$binary, binaryUnweighted = ws$binaryUnweighted, three = ws$three,
  skewed = list(y = c(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0), w = c(2.5, 1, 1, 1.2, 0.8, 1, 1, 1.1, 0.9, 1, 1, 0.6, 1.3, 1, 1)))
for (nm in names(pset)) {
  s <- pset[[nm]]
  des <- svydesign(ids = ~1, weights = ~w, data = data.frame(y = s$y, w = s$w))
  for (meth in c("mean", "logit", "asin", "beta", "xlogit")) {
    for (lv in c(0.9, 0.95)) {
      ci <- attr(svyciprop(~I(y == 1), des, method = meth, level = lv), "ci")
      cp[[length(cp) + 1]] <- list(name = nm, y = arr(s$y), w = arr(s$w), method = meth, level = lv, lower = unname(ci[1]), upper = unname(ci[2]))
    }
  }
}
# a domain: chapter A's binary "agree" (y >= 4) inside the 29-member design
dat <- data.frame(y = as.numeric(ws$likert$y >= 4), w = ws$likert$w, g = chap)
des <- svydesign(ids = ~1, weights = ~w, data = dat)
sub <- subset(des, g == "A")
for (meth in c("mean", "logit", "asin", "beta")) {
  ci <- attr(svyciprop(~I(y == 1), sub, method = meth), "ci")
  cp[[length(cp) + 1]] <- list(name = "domainA", y = arr(dat$y), w = arr(dat$w), domains = arr(chap), domain = "A", method = meth, level = 0.95, lower = unname(ci[1]), upper = unname(ci[2]))
}
out$surveyProportion <- cp

# ---- psych::alpha -----------------------------------------------------------------------
X <- rbind(c(4, 4, 3, 2), c(3, 4, 4, 3), c(5, 4, 4, 1), c(2, 3, 2, 4), c(4, 5, 3, 3), c(3, 2, 3, 3), c(4, 3, 5, 2), c(2, 3, 2, 5), c(5, 4, 4, 2), c(3, 3, 4, 4))
X[, 4] <- 6 - X[, 4]
Xm <- X; Xm[2, 3] <- NA; Xm[6, 1] <- NA
Y <- rbind(c(3, 4, 4, 5, 2), c(2, 2, 3, 3, 1), c(4, 5, 4, 4, 3), c(5, 5, 4, 5, 4), c(1, 2, 1, 2, 2), c(3, 3, NA, 4, 3), c(4, 4, 5, NA, 4),
  c(2, 1, 2, 2, 1), c(5, 4, 5, 5, 5), c(3, NA, 3, 3, 2), c(4, 3, 4, 4, 3), c(2, 3, 2, 1, NA), c(NA, 4, 4, 5, 4), c(3, 3, 3, 3, 3), c(1, 1, 2, 1, 1))
alphasets <- list(
  doc = list(x = X, use = "pairwise"), docMissing = list(x = Xm, use = "pairwise"), docListwise = list(x = Xm, use = "listwise"),
  fiveItems = list(x = Y, use = "pairwise"), fiveItemsListwise = list(x = Y, use = "listwise"),
  twoItems = list(x = X[, 1:2], use = "pairwise"), threeSmall = list(x = rbind(c(1, 2, 2), c(2, 2, 3), c(3, 4, 3), c(4, 3, 5), c(5, 5, 4)), use = "pairwise"),
  constantItem = list(x = cbind(X[, 1:3], rep(3, 10)), use = "pairwise"))
al <- list()
for (nm in names(alphasets)) {
  s <- alphasets[[nm]]
  x <- s$x
  if (s$use == "listwise") x <- x[complete.cases(x), , drop = FALSE]
  r <- psych::alpha(as.data.frame(x), warnings = FALSE)
  tot <- r$total
  items <- lapply(seq_len(nrow(r$item.stats)), function(i) list(
    n = r$item.stats$n[i], rawR = r$item.stats$raw.r[i], stdR = r$item.stats$std.r[i], rCor = r$item.stats$r.cor[i], rDrop = r$item.stats$r.drop[i],
    mean = r$item.stats$mean[i], sd = r$item.stats$sd[i], rawAlphaIfDropped = r$alpha.drop$raw_alpha[i], stdAlphaIfDropped = r$alpha.drop$std.alpha[i]))
  rows <- lapply(seq_len(nrow(s$x)), function(i) arr(s$x[i, ]))
  al[[length(al) + 1]] <- list(name = nm, rows = rows, use = s$use, raw = tot$raw_alpha, std = tot$std.alpha, g6 = tot[["G6(smc)"]],
    averageR = tot$average_r, sn = tot[["S/N"]], ase = tot$ase, mean = tot$mean, sd = tot$sd, feldtLower = r$feldt$lower.ci[[1]], feldtUpper = r$feldt$upper.ci[[1]], items = items)
}
out$alpha <- al

writeLines(to_json(out), "r.json")
cat("wrote r.json\n")
