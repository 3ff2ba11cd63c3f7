# Reference outputs for dev.crmkit.core.forecast, made with R's stats::HoltWinters and forecast::ets.
#
# Regenerate (Debian: apt-get install r-base-core r-cran-forecast), from this directory:
#   Rscript reference.R
# It rewrites series.csv, holtwinters.csv and ets.csv next to it. The Java tests read those files only; they never
# need R. Every number is written with 17 significant digits, so the files round-trip doubles exactly.
#
# Long format, one number per line: series,case,key,index,value
#   series.csv       the data:         name, frequency, x, i, value
#   holtwinters.csv  case = additive | multiplicative | holt | ses (stats::HoltWinters, R's own optimizer)
#                    keys: alpha beta gamma SSE a b s (final coefficients), fitted (one-step, from start.time),
#                    start (start.time, 1-based), forecast (predict, h = 2 * frequency, 10 without seasonality)
#   ets.csv          case = auto (the model forecast::ets chose by AICc, key model names it) or ETS(E,T[d],S) for
#                    every model ets considers for the series; keys: alpha beta gamma phi, init (l, b, s1..sm as in
#                    forecast's states[1, ]), loglik aic aicc sigma2, fitted, mean, lo80 hi80 lo95 hi95.

suppressPackageStartupMessages(library(forecast))

out <- function(file) {
  con <- file(file, open = "w")
  writeLines("series,case,key,index,value", con)
  function(series, case, key, values) {
    if (is.null(values) || length(values) == 0) return(invisible())
    writeLines(sprintf("%s,%s,%s,%d,%s", series, case, key, seq_along(values),
                       sprintf("%.17g", as.numeric(values))), con)
  }
}

seasonal <- list(AirPassengers = AirPassengers, co2 = co2, nottem = nottem, UKgas = UKgas, ldeaths = ldeaths,
                 USAccDeaths = USAccDeaths)
nonseasonal <- list(Nile = Nile)

series <- out("series.csv")
for (name in names(c(seasonal, nonseasonal))) {
  x <- c(seasonal, nonseasonal)[[name]]
  series(name, "data", "frequency", frequency(x))
  series(name, "data", "x", x)
}

hw <- out("holtwinters.csv")
hwCase <- function(name, case, fit, h) {
  hw(name, case, "alpha", fit$alpha)
  if (!is.logical(fit$beta)) hw(name, case, "beta", fit$beta)
  if (!is.logical(fit$gamma)) hw(name, case, "gamma", fit$gamma)
  hw(name, case, "SSE", fit$SSE)
  hw(name, case, "a", fit$coefficients["a"])
  if (!is.logical(fit$beta)) hw(name, case, "b", fit$coefficients["b"])
  if (!is.logical(fit$gamma)) hw(name, case, "s", fit$coefficients[grepl("^s", names(fit$coefficients))])
  hw(name, case, "fitted", fit$fitted[, "xhat"])
  hw(name, case, "start", length(fit$x) - nrow(fit$fitted) + 1)
  hw(name, case, "forecast", predict(fit, n.ahead = h))
}
for (name in names(seasonal)) {
  x <- seasonal[[name]]
  hwCase(name, "additive", HoltWinters(x, seasonal = "additive"), 2 * frequency(x))
  hwCase(name, "multiplicative", HoltWinters(x, seasonal = "multiplicative"), 2 * frequency(x))
}
for (name in names(nonseasonal)) {
  x <- nonseasonal[[name]]
  hwCase(name, "holt", HoltWinters(x, gamma = FALSE), 10)
  hwCase(name, "ses", HoltWinters(x, gamma = FALSE, beta = FALSE), 10)
}

et <- out("ets.csv")
etsCase <- function(name, case, fit, h) {
  p <- fit$par
  for (k in c("alpha", "beta", "gamma", "phi")) if (!is.na(p[k])) et(name, case, k, p[k])
  et(name, case, "init", fit$states[1, ])
  et(name, case, "loglik", fit$loglik)
  et(name, case, "aic", fit$aic)
  et(name, case, "aicc", fit$aicc)
  et(name, case, "sigma2", fit$sigma2)
  et(name, case, "fitted", fitted(fit))
  f <- forecast(fit, h = h, level = c(80, 95))
  et(name, case, "mean", f$mean)
  et(name, case, "lo80", f$lower[, 1])
  et(name, case, "hi80", f$upper[, 1])
  et(name, case, "lo95", f$lower[, 2])
  et(name, case, "hi95", f$upper[, 2])
}
for (name in names(c(seasonal, nonseasonal))) {
  x <- c(seasonal, nonseasonal)[[name]]
  h <- if (frequency(x) > 1) 2 * frequency(x) else 10
  auto <- ets(x)
  writeLines(sprintf("# %s chose %s", name, auto$method))
  etsCase(name, paste0("auto:", auto$method), auto, h)
  seasons <- if (frequency(x) > 1) c("N", "A", "M") else "N"
  for (e in c("A", "M")) for (t in c("N", "A", "Ad")) for (s in seasons) {
    if (e == "A" && s == "M") next
    fit <- ets(x, model = paste0(e, substr(t, 1, 1), s), damped = (t == "Ad"))
    etsCase(name, fit$method, fit, h)
  }
}
