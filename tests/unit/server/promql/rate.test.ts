/**
 * rate / increase / delta / irate / idelta / deriv / predict_linear / resets / changes, ported
 * from Prometheus's promql/promqltest/testdata/functions.test (float cases).
 */
import { describe } from 'vitest';
import { promqlScript } from './promqltest';

describe('resets and changes (functions.test)', () => {
  promqlScript('resets/changes', `
load 5m
	http_requests{path="/foo"}	1 2 3 0 1 0 0 1 2 0
	http_requests{path="/bar"}	1 2 3 4 5 1 2 3 4 5
	http_requests{path="/biz"}  0 0 0 0 0 1 1 1 1 1

eval instant at 50m resets(http_requests[5m])

eval instant at 50m resets(http_requests[10m])
	{path="/foo"} 0
	{path="/bar"} 0
	{path="/biz"} 0

eval instant at 50m resets(http_requests[600])
	{path="/foo"} 0
	{path="/bar"} 0
	{path="/biz"} 0

eval instant at 50m resets(http_requests[20m])
	{path="/foo"} 1
	{path="/bar"} 0
	{path="/biz"} 0

eval instant at 50m resets(http_requests[32m])
	{path="/foo"} 2
	{path="/bar"} 1
	{path="/biz"} 0

eval instant at 50m resets(http_requests[50m])
	{path="/foo"} 3
	{path="/bar"} 1
	{path="/biz"} 0

eval instant at 50m resets(nonexistent_metric[50m])

eval instant at 50m changes(http_requests[5m])

eval instant at 50m changes(http_requests[6m])
	{path="/foo"} 0
	{path="/bar"} 0
	{path="/biz"} 0

eval instant at 50m changes(http_requests[20m])
	{path="/foo"} 2
	{path="/bar"} 2
	{path="/biz"} 0

eval instant at 50m changes(http_requests[30m])
	{path="/foo"} 3
	{path="/bar"} 4
	{path="/biz"} 0

eval instant at 50m changes(http_requests[50m])
	{path="/foo"} 7
	{path="/bar"} 8
	{path="/biz"} 1

eval instant at 50m changes((http_requests[50m]))
	{path="/foo"} 7
	{path="/bar"} 8
	{path="/biz"} 1

clear

load 5m
  x{a="b"} NaN NaN NaN
  x{a="c"} 0 NaN 0

eval instant at 15m changes(x[20m])
  {a="b"} 0
  {a="c"} 2

clear

load 5m
  testmetric1{src="a",dst="b"} 0
  testmetric2{src="a",dst="b"} 1

eval instant at 0m changes({__name__=~'testmetric1|testmetric2'}[5m])
	expect fail
`);
});

describe('increase and rate (functions.test)', () => {
  promqlScript('increase', `
load 5m
	http_requests_total{path="/foo"}	0+10x10
	http_requests_total{path="/bar"}	0+18x5 0+18x5
	http_requests_total{path="/dings"}   10+10x10
	http_requests_total{path="/bumms"}    1+10x10

eval instant at 50m increase(http_requests_total[50m])
	{path="/foo"}   100
	{path="/bar"}   160
	{path="/dings"} 100
	{path="/bumms"} 100

# "dings" would reach 0 at t=-5m, beyond half an interval: extrapolate by half an interval.
# "bumms" would reach 0 at t=-30s: extrapolate only that far.
eval instant at 50m increase(http_requests_total[100m])
	{path="/foo"}   100
	{path="/bar"}   162
	{path="/dings"} 105
	{path="/bumms"} 101

clear

load 5m
	http_requests_total{path="/foo"}	0 1 2 3 2 3 4

eval instant at 30m increase(http_requests_total[30m])
    {path="/foo"} 7

clear

load 5m
	testcounter_reset_middle_total	0+27x4 0+27x5
	testcounter_reset_end_total  	0+10x9 0 10

eval instant at 50m rate(testcounter_reset_middle_total[50m])
	{} 0.08

eval instant at 50m rate(testcounter_reset_end_total[5m])

eval instant at 50m rate(testcounter_reset_end_total[6m])
	{} 0

clear

load 5m
	calculate_rate_offset_total{x="a"}	0+10x10
	calculate_rate_offset_total{x="b"}	0+20x10
	calculate_rate_window_total		0+80x10

eval instant at 50m rate(calculate_rate_window_total[50m])
	{} 0.26666666666666666

eval instant at 50m rate(calculate_rate_offset_total[10m] offset 5m)
	{x="a"} 0.03333333333333333
	{x="b"} 0.06666666666666667

clear

load 4m
	testcounter_zero_cutoff_total{start="0m"}	0+240x10
	testcounter_zero_cutoff_total{start="1m"}	60+240x10
	testcounter_zero_cutoff_total{start="2m"}	120+240x10
	testcounter_zero_cutoff_total{start="3m"}	180+240x10
	testcounter_zero_cutoff_total{start="4m"}	240+240x10
	testcounter_zero_cutoff_total{start="5m"}	300+240x10

eval instant at 10m rate(testcounter_zero_cutoff_total[20m])
	{start="0m"} 0.5
	{start="1m"} 0.55
	{start="2m"} 0.6
	{start="3m"} 0.6
	{start="4m"} 0.6
	{start="5m"} 0.6

eval instant at 50m rate(testcounter_zero_cutoff_total[20m])
	{start="0m"} 0.6
	{start="1m"} 0.6
	{start="2m"} 0.6
	{start="3m"} 0.6
	{start="4m"} 0.6
	{start="5m"} 0.6
`);
});

describe('irate, delta, idelta (functions.test)', () => {
  promqlScript('irate/delta', `
load 5m
	http_requests_total{path="/foo"}	0+10x10
	http_requests_total{path="/bar"}	0+10x5 0+10x5
	http_requests_nan{}               1 NaN NaN 5 11

eval instant at 50m irate(http_requests_total[50m])
	{path="/foo"} .03333333333333333333
	{path="/bar"} .03333333333333333333

eval instant at 30m irate(http_requests_total[50m])
	{path="/foo"} .03333333333333333333
	{path="/bar"} 0

eval range from 0 to 20m step 5m irate(http_requests_nan[15m1s])
	{} _ NaN NaN NaN 0.02

clear

load 5m
	http_requests{path="/foo"}	0 50 100 150 200
	http_requests{path="/bar"}	200 150 100 50 0

eval instant at 20m delta(http_requests[20m])
	{path="/foo"} 200
	{path="/bar"} -200

clear

load 5m
	http_requests{path="/foo"}	0 50 100 150
	http_requests{path="/bar"}	0 50 100 50
	http_requests_nan{}         1 NaN NaN 5 11

eval instant at 20m idelta(http_requests[20m])
	{path="/foo"} 50
	{path="/bar"} -50

eval range from 0 to 20m step 5m idelta(http_requests_nan[15m1s])
	{} _ NaN NaN NaN 6
`);
});

describe('deriv and predict_linear (functions.test)', () => {
  promqlScript('deriv', `
load 5m
	testcounter_reset_middle_total	0+10x4 0+10x5
	http_requests_total{job="app-server", instance="1", group="canary"}		0+80x10
	http_requests_inf{job="app-server", instance="1", group="canary"}	-Inf 0+80x10 Inf

eval instant at 50m rate(http_requests_total{group="canary", instance="1", job="app-server"}[50m])
	{group="canary", instance="1", job="app-server"} 0.26666666666666666

eval instant at 50m deriv(http_requests_total{group="canary", instance="1", job="app-server"}[50m])
	{group="canary", instance="1", job="app-server"} 0.26666666666666666

eval instant at 50m deriv(testcounter_reset_middle_total[100m])
	{} 0.010606060606060607

eval instant at 100m deriv(http_requests_inf[100m])
	{job="app-server", instance="1", group="canary"} NaN

eval instant at 50m predict_linear(testcounter_reset_middle_total[50m], 3600)
	{} 70

eval instant at 50m predict_linear(testcounter_reset_middle_total[50m], 1h)
	{} 70

eval instant at 50m predict_linear(testcounter_reset_middle_total[55m] @ 3000, 3600)
	{} 76.81818181818181

eval instant at 10m predict_linear(testcounter_reset_middle_total[55m] @ 3000, 3600)
	{} 51.36363636363637

eval instant at 70m predict_linear(testcounter_reset_middle_total[55m] @ 3000, 3600)
	{} 89.54545454545455

eval instant at 100m predict_linear(http_requests_inf[100m], 6000)
	{job="app-server", instance="1", group="canary"} NaN

eval instant at 50m predict_linear(http_requests_total[50m], 3600) - (http_requests_total + deriv(http_requests_total[50m]) * 3600)
	{group="canary", instance="1", job="app-server"} 0
`);
});
