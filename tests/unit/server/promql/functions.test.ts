/**
 * *_over_time, math, label, date, absent, sort, clamp, timestamp, scalar/vector functions,
 * ported from Prometheus's promql/promqltest/testdata/functions.test (float cases).
 */
import { describe } from 'vitest';
import { promqlScript } from './promqltest';

describe('*_over_time (functions.test)', () => {
  promqlScript('over_time', `
load 10s
  metric 1 2 3 4 5
  metric2 1 2 3 4 Inf
  metric4 1 2 3 Inf -Inf
  metric5c Inf Inf Inf -Inf
  metric8 9.988465674311579e+307 9.988465674311579e+307
  metric10 -9.988465674311579e+307 9.988465674311579e+307
  metric11 1 2 3 NaN NaN

eval instant at 55s avg_over_time(metric[10s])

eval instant at 55s avg_over_time(metric[20s])
  {} 5

eval instant at 55s avg_over_time(metric[1m])
  {} 3

eval instant at 55s sum_over_time(metric[1m])/count_over_time(metric[1m])
  {} 3

eval instant at 55s avg_over_time(metric2[1m])
  {} Inf

eval instant at 55s avg_over_time(metric4[1m])
  {} NaN

eval instant at 55s avg_over_time(metric5c[1m])
  {} NaN

eval instant at 55s avg_over_time(metric8[1m])
  {} 9.988465674311579e+307

eval instant at 55s sum_over_time(metric8[1m])/count_over_time(metric8[1m])
  {} +Inf

eval instant at 55s avg_over_time(metric10[1m])
  {} 0

eval instant at 20s avg_over_time(metric11[1m])
  {} 2

eval instant at 30s avg_over_time(metric11[1m])
  {} NaN

clear
load 10s
  metric 1 1e100 1 -1e100

eval instant at 1m sum_over_time(metric[2m])
  {} 2

eval instant at 1m avg_over_time(metric[2m])
  {} 0.5

clear
load 5s
  metric1 1e10 1e-6 1e-6 1e-6 1e-6 1e-6
  metric2 5.30921651659898 0.961118537914768 1.62091361305318 0.865089463758091 0.323055185914577 0.951811357687154
  metric3 1.78264e50 0.76342771 1.9592258 7.69805412 458.90154

eval instant at 55s avg_over_time(metric1[1m])
  {} 1.6666666666666675e+09

eval instant at 55s avg_over_time(metric2[1m])
  {} 1.67186744582113

eval instant at 55s avg_over_time(metric3[1m])
  {} 3.56528E+49

clear
load 10s
  foo 52+0x100

eval instant at 10m avg_over_time(foo[100s]) == 52
  {} 52

eval instant at 10m avg_over_time(foo[130s]) - 52
  {} 0

clear
load 1ms
  metric 1+0x4000

eval instant at 4s sum_over_time(metric[1000ms])
  {} 1000

eval instant at 4s sum_over_time(metric[1001ms])
  {} 1001

eval instant at 4s sum_over_time(metric[3003ms])
  {} 3003

clear
load 10s
	metric 0 8 8 2 3

eval instant at 1m stdvar_over_time(metric[2m])
	{} 10.56

eval instant at 1m stddev_over_time(metric[2m])
	{} 3.249615

eval instant at 1m stddev_over_time((metric[2m]))
	{} 3.249615

clear
load 10s
	metric 1.5990505637277868 1.5990505637277868 1.5990505637277868

eval instant at 55s stdvar_over_time(metric[1m])
	{} 0

clear
load 10s
	data{test="two samples"} 0 1
	data{test="three samples"} 0 1 2
	data{test="uneven samples"} 0 1 4

eval instant at 1m quantile_over_time(0.5, data[2m])
	{test="two samples"} 0.5
	{test="three samples"} 1
	{test="uneven samples"} 1

eval instant at 1m quantile_over_time(0.75, data[2m])
	{test="two samples"} 0.75
	{test="three samples"} 1.5
	{test="uneven samples"} 2.5

eval instant at 1m quantile_over_time(-1, data[2m])
	{test="two samples"} -Inf
	{test="three samples"} -Inf
	{test="uneven samples"} -Inf

eval instant at 1m (quantile_over_time(2, (data[2m])))
	{test="two samples"} +Inf
	{test="three samples"} +Inf
	{test="uneven samples"} +Inf

clear
load 10s
	data{type="numbers"} 2 0 3
	data{type="some_nan"} 2 0 NaN
	data{type="some_nan2"} 2 NaN 1
	data{type="some_nan3"} NaN 0 1
	data{type="only_nan"} NaN NaN NaN
	data_sparse{type="sparse_numbers"} _ 5 2 _ 4 _
	data_empty{type="empty_series"} _ _ _ _ _ _ _ _ _ _ _ _ _

eval instant at 1m min_over_time(data[2m])
	{type="numbers"} 0
	{type="some_nan"} 0
	{type="some_nan2"} 1
	{type="some_nan3"} 0
	{type="only_nan"} NaN

eval instant at 1m min_over_time(data_sparse[2m])
	{type="sparse_numbers"} 2

eval instant at 1m max_over_time(data[2m])
	{type="numbers"} 3
	{type="some_nan"} 2
	{type="some_nan2"} 2
	{type="some_nan3"} 1
	{type="only_nan"} NaN

eval instant at 1m last_over_time({__name__=~"data(_sparse|_empty)?"}[2m])
	data{type="numbers"} 3
	data{type="some_nan"} NaN
	data{type="some_nan2"} 1
	data{type="some_nan3"} 1
	data{type="only_nan"} NaN
	data_sparse{type="sparse_numbers"} 4

eval instant at 1m count_over_time({__name__=~"data(_sparse|_empty)?"}[2m])
	{type="numbers"} 3
	{type="some_nan"} 3
	{type="some_nan2"} 3
	{type="some_nan3"} 3
	{type="only_nan"} 3
	{type="sparse_numbers"} 3
`);
});

describe('absent, absent_over_time, present_over_time (functions.test)', () => {
  promqlScript('absent', `
eval instant at 50m absent(nonexistent)
	{} 1

eval instant at 50m absent(nonexistent{job="testjob", instance="testinstance", method=~".x"})
	{instance="testinstance", job="testjob"} 1

eval instant at 50m absent(nonexistent{job="testjob",job="testjob2",foo="bar"})
	{foo="bar"} 1

eval instant at 50m absent(nonexistent{job="testjob",job=~"testjob2",foo="bar"})
	{foo="bar"} 1

eval instant at 50m absent(sum(nonexistent{job="testjob", instance="testinstance"}))
	{} 1

eval instant at 50m absent(nonexistent > 1)
	{} 1

eval instant at 50m absent(a and b)
	{} 1

eval instant at 50m absent(rate(nonexistent[5m]))
	{} 1

load 5m
	http_requests{job="api-server", instance="0", group="production"}	0+10x10

eval instant at 50m absent(http_requests)

eval instant at 50m absent(sum(http_requests))

clear

eval instant at 1m absent_over_time(http_requests_total[5m])
    {} 1

eval instant at 1m absent_over_time(http_requests_total{handler="/foo"}[5m])
    {handler="/foo"} 1

eval instant at 1m absent_over_time(http_requests_total{handler!="/foo"}[5m])
    {} 1

eval instant at 1m absent_over_time(http_requests_total{handler="/foo", handler="/bar", handler="/foobar"}[5m])
    {} 1

eval instant at 1m absent_over_time(rate(nonexistent[5m])[5m:])
    {} 1

eval instant at 1m absent_over_time(http_requests_total{handler="/foo", handler="/bar", instance="127.0.0.1"}[5m])
    {instance="127.0.0.1"} 1

load 1m
	http_requests_total{path="/foo",instance="127.0.0.1",job="httpd"}	1+1x10
	http_requests_total{path="/bar",instance="127.0.0.1",job="httpd"}	1+1x10
	httpd_handshake_failures_total{instance="127.0.0.1",job="node"}	1+1x15
	httpd_log_lines_total{instance="127.0.0.1",job="node"}	1
	ssl_certificate_expiry_seconds{job="ingress"} NaN NaN NaN NaN NaN

eval instant at 5m absent_over_time(http_requests_total[5m])

eval instant at 5m absent_over_time(rate(http_requests_total[5m])[5m:1m])

eval instant at 0m absent_over_time(httpd_log_lines_total[30s])

eval instant at 1m absent_over_time(httpd_log_lines_total[30s])
    {} 1

eval instant at 15m absent_over_time(http_requests_total[5m])
    {} 1

eval instant at 15m absent_over_time(http_requests_total[10m])

eval instant at 16m absent_over_time(httpd_handshake_failures_total[1m])
    {} 1

eval instant at 21m absent_over_time({instance="127.0.0.1"}[5m])
    {instance="127.0.0.1"} 1

eval instant at 21m absent_over_time({job="grok"}[20m])
    {job="grok"} 1

eval instant at 30m absent_over_time({instance="127.0.0.1"}[5m:5s])
    {} 1

eval instant at 10m absent_over_time({job="ingress"}[4m])
	{job="ingress"} 1

eval range from 0 to 20m step 4m absent_over_time(httpd_handshake_failures_total[1m])
	{} _ _ _ _ 1 1

eval instant at 5m present_over_time(http_requests_total[5m])
    {instance="127.0.0.1", job="httpd", path="/bar"} 1
    {instance="127.0.0.1", job="httpd", path="/foo"} 1

eval instant at 5m present_over_time(rate(http_requests_total[5m])[5m:1m])
    {instance="127.0.0.1", job="httpd", path="/bar"} 1
    {instance="127.0.0.1", job="httpd", path="/foo"} 1

eval instant at 0m present_over_time(httpd_log_lines_total[30s])
    {instance="127.0.0.1",job="node"} 1

eval instant at 15m present_over_time(http_requests_total[5m])

eval instant at 16m present_over_time({instance="127.0.0.1"}[5m])
    {instance="127.0.0.1",job="node"} 1

eval instant at 5m present_over_time({job="ingress"}[4m])
    {job="ingress"} 1
`);
});

describe('label_replace, label_join (functions.test)', () => {
  promqlScript('labels', `
load 5m
  testmetric{src="source-value-10",dst="original-destination-value"} 0
  testmetric{src="source-value-20",dst="original-destination-value"} 1

eval instant at 0m label_replace(testmetric, "dst", "destination-value-$1", "src", "source-value-(.*)")
  testmetric{src="source-value-10",dst="destination-value-10"} 0
  testmetric{src="source-value-20",dst="destination-value-20"} 1

eval instant at 0m label_replace(testmetric, "dst", "destination-value-$1", "src", "value-(.*)")
  testmetric{src="source-value-10",dst="original-destination-value"} 0
  testmetric{src="source-value-20",dst="original-destination-value"} 1

eval instant at 0m label_replace(testmetric, "dst", "$1-value-$2", "src", "(.*)-value-(.*)")
  testmetric{src="source-value-10",dst="source-value-10"} 0
  testmetric{src="source-value-20",dst="source-value-20"} 1

eval instant at 0m label_replace(testmetric, "dst", "value-$1", "nonexistent-src", "source-value-(.*)")
  testmetric{src="source-value-10",dst="original-destination-value"} 0
  testmetric{src="source-value-20",dst="original-destination-value"} 1

eval instant at 0m label_replace(testmetric, "dst", "value-$1", "nonexistent-src", "(.*)")
  testmetric{src="source-value-10",dst="value-"} 0
  testmetric{src="source-value-20",dst="value-"} 1

eval instant at 0m label_replace((((testmetric))), (("dst")), (("value-$1")), (("src")), (("non-matching-regex")))
  testmetric{src="source-value-10",dst="original-destination-value"} 0
  testmetric{src="source-value-20",dst="original-destination-value"} 1

eval instant at 0m label_replace(testmetric, "dst", "", "dst", ".*")
  testmetric{src="source-value-10"} 0
  testmetric{src="source-value-20"} 1

eval instant at 0m label_replace(testmetric, "dst", "\${1}x-$1x-$$1", "src", "source-value-(?P<num>.*)")
  testmetric{src="source-value-10",dst="10x--$1"} 0
  testmetric{src="source-value-20",dst="20x--$1"} 1

eval instant at 0m label_replace(testmetric, "dst", "$num", "src", "source-value-(?P<num>.*)")
  testmetric{src="source-value-10",dst="10"} 0
  testmetric{src="source-value-20",dst="20"} 1

eval instant at 0m label_replace(testmetric, "dst", "value-$1", "src", "(.*")
  expect fail

eval instant at 0m label_replace(testmetric, "src", "", "", "")
  expect fail

clear

load 5m
  testmetric{src="a",src1="b",src2="c",dst="original-destination-value"} 0
  testmetric{src="d",src1="e",src2="f",dst="original-destination-value"} 1
  dup{label="a", this="a"} 1.0
  dup{label="b", this="a"} 1.0

eval instant at 0m label_join(testmetric, "dst", "-", "src", "src1", "src2")
  testmetric{src="a",src1="b",src2="c",dst="a-b-c"} 0
  testmetric{src="d",src1="e",src2="f",dst="d-e-f"} 1

eval instant at 0m label_join(testmetric, "dst", "-", "src", "src3", "src1")
  testmetric{src="a",src1="b",src2="c",dst="a--b"} 0
  testmetric{src="d",src1="e",src2="f",dst="d--e"} 1

eval instant at 0m label_join(testmetric, "dst", "", "emptysrc", "emptysrc1", "emptysrc2")
  testmetric{src="a",src1="b",src2="c"} 0
  testmetric{src="d",src1="e",src2="f"} 1

eval instant at 0m label_join(testmetric, "dst", ", ")
	  testmetric{src="a",src1="b",src2="c"} 0
	  testmetric{src="d",src1="e",src2="f"} 1

eval instant at 0m label_join(dup, "label", "", "this")
  expect fail msg:vector cannot contain metrics with the same labelset

clear
load 20m
  series{label="a", idx="1"} 2 _
  series{label="a", idx="2"} _ 4

eval instant at 0 label_replace(series, "idx", "replaced", "idx", ".*")
  series{label="a", idx="replaced"} 2

eval range from 0 to 20m step 20m label_replace(series, "idx", "replaced", "idx", ".*")
  series{label="a", idx="replaced"} 2 4

eval range from 0 to 20m step 20m label_join(series, "idx", ",", "label", "label")
  series{label="a", idx="a,a"} 2 4

clear
load 1m
  overlap{label="a", idx="1"} 1
  overlap{label="a", idx="2"} 2

eval_fail instant at 0 label_replace(overlap, "idx", "same", "idx", ".*")
`);
});

describe('vector, time, timestamp, clamp, sgn, round, sort, scalar, math (functions.test)', () => {
  promqlScript('misc', `
load 10s
  metric 1 1

eval instant at 0s timestamp(metric)
  {} 0

eval instant at 5s timestamp(metric)
  {} 0

eval instant at 5s timestamp(((metric)))
  {} 0

eval instant at 10s timestamp(metric)
  {} 10

eval instant at 0m vector(1)
  {} 1

eval instant at 5s vector(time())
  {} 5

eval instant at 1ms time()
  0.001

eval instant at 50m time()
  3000

clear
load 5m
	test_clamp{src="clamp-a"}	-50
	test_clamp{src="clamp-b"}	0
	test_clamp{src="clamp-c"}	100

eval instant at 0m clamp_max(test_clamp, 75)
	{src="clamp-a"}	-50
	{src="clamp-b"}	0
	{src="clamp-c"}	75

eval instant at 0m clamp_min(test_clamp, -25)
	{src="clamp-a"}	-25
	{src="clamp-b"}	0
	{src="clamp-c"}	100

eval instant at 0m clamp(test_clamp, -25, 75)
	{src="clamp-a"}	-25
	{src="clamp-b"}	0
	{src="clamp-c"}	75

eval instant at 0m clamp_max((clamp_min(test_clamp, (-20))), (70))
	{src="clamp-a"}	-20
	{src="clamp-b"}	0
	{src="clamp-c"}	70

eval instant at 0m clamp(test_clamp, 0, NaN)
	{src="clamp-a"}	NaN
	{src="clamp-b"}	NaN
	{src="clamp-c"}	NaN

eval instant at 0m clamp(test_clamp, 5, -5)

clear
load 5m
	test_sgn{src="sgn-a"}	-Inf
	test_sgn{src="sgn-b"}	Inf
	test_sgn{src="sgn-c"}	NaN
	test_sgn{src="sgn-d"}	-50
	test_sgn{src="sgn-e"}	0
	test_sgn{src="sgn-f"}	100

eval instant at 0m sgn(test_sgn)
	{src="sgn-a"}	-1
	{src="sgn-b"}	1
	{src="sgn-c"}	NaN
	{src="sgn-d"}	-1
	{src="sgn-e"}	0
	{src="sgn-f"}	1

clear
load 5m
	http_requests{job="api-server", instance="0", group="production"}	0+10x10
	http_requests{job="api-server", instance="1", group="production"}	0+20x10
	http_requests{job="api-server", instance="0", group="canary"}		0+30x10
	http_requests{job="api-server", instance="1", group="canary"}		0+40x10
	http_requests{job="api-server", instance="2", group="canary"}		NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN NaN
	http_requests{job="app-server", instance="0", group="production"}	0+50x10
	http_requests{job="app-server", instance="1", group="production"}	0+60x10
	http_requests{job="app-server", instance="0", group="canary"}		0+70x10
	http_requests{job="app-server", instance="1", group="canary"}		0+80x10

eval instant at 50m sort(http_requests)
	expect ordered
	http_requests{group="production", instance="0", job="api-server"} 100
	http_requests{group="production", instance="1", job="api-server"} 200
	http_requests{group="canary", instance="0", job="api-server"} 300
	http_requests{group="canary", instance="1", job="api-server"} 400
	http_requests{group="production", instance="0", job="app-server"} 500
	http_requests{group="production", instance="1", job="app-server"} 600
	http_requests{group="canary", instance="0", job="app-server"} 700
	http_requests{group="canary", instance="1", job="app-server"} 800
	http_requests{group="canary", instance="2", job="api-server"} NaN

eval instant at 50m sort_desc(http_requests)
	expect ordered
	http_requests{group="canary", instance="1", job="app-server"} 800
	http_requests{group="canary", instance="0", job="app-server"} 700
	http_requests{group="production", instance="1", job="app-server"} 600
	http_requests{group="production", instance="0", job="app-server"} 500
	http_requests{group="canary", instance="1", job="api-server"} 400
	http_requests{group="canary", instance="0", job="api-server"} 300
	http_requests{group="production", instance="1", job="api-server"} 200
	http_requests{group="production", instance="0", job="api-server"} 100
	http_requests{group="canary", instance="2", job="api-server"} NaN

clear
load 5m
	data{type="positive"} 2.5
	data{type="whole"} 2
	data{type="negative"} -2.5
	data{type="nwhole"} -2
	data{type="zero"} 0
	data{type="inf"} +Inf
	data{type="ninf"} -Inf
	data{type="nan"} NaN

eval instant at 0m abs(data)
	{type="positive"} 2.5
	{type="whole"} 2
	{type="negative"} 2.5
	{type="nwhole"} 2
	{type="zero"} 0
	{type="inf"} +Inf
	{type="ninf"} +Inf
	{type="nan"} NaN

eval instant at 0m ceil(data)
	{type="positive"} 3
	{type="whole"} 2
	{type="negative"} -2
	{type="nwhole"} -2
	{type="zero"} 0
	{type="inf"} +Inf
	{type="ninf"} -Inf
	{type="nan"} NaN

eval instant at 0m floor(data)
	{type="positive"} 2
	{type="whole"} 2
	{type="negative"} -3
	{type="nwhole"} -2
	{type="zero"} 0
	{type="inf"} +Inf
	{type="ninf"} -Inf
	{type="nan"} NaN

eval instant at 0m round(data)
	{type="positive"} 3
	{type="whole"} 2
	{type="negative"} -2
	{type="nwhole"} -2
	{type="zero"} 0
	{type="inf"} +Inf
	{type="ninf"} -Inf
	{type="nan"} NaN

clear
load 5m
	exp_root_log{l="x"} 10
	exp_root_log{l="y"} 20

eval instant at 1m exp(exp_root_log)
	{l="x"} 22026.465794806718
	{l="y"} 485165195.4097903

eval instant at 1m exp(exp_root_log - 20)
	{l="x"} 4.5399929762484854e-05
	{l="y"} 1

eval instant at 1m ln(exp_root_log)
	{l="x"} 2.302585092994046
	{l="y"} 2.995732273553991

eval instant at 1m ln(exp_root_log - 20)
	{l="y"} -Inf
	{l="x"} NaN

eval instant at 1m exp(ln(exp_root_log))
	{l="y"} 20
	{l="x"} 10

eval instant at 1m sqrt(exp_root_log)
	{l="x"} 3.1622776601683795
	{l="y"} 4.47213595499958

eval instant at 1m log2(exp_root_log)
	{l="x"} 3.3219280948873626
	{l="y"} 4.321928094887363

eval instant at 1m log2(exp_root_log - 10)
	{l="y"} 3.3219280948873626
	{l="x"} -Inf

eval instant at 1m log10(exp_root_log)
	{l="x"} 1
	{l="y"} 1.301029995663981

eval instant at 1m log10(exp_root_log - 20)
	{l="x"} NaN
	{l="y"} -Inf

clear
load 1m
  metric 0+1x1000

eval range from 0 to 61s step 1s timestamp(metric)
  {} 0x59 60 60

clear
load 1m
	metric{type="float", l="x"} 1
	metric{type="float", l="y"} 2

eval instant at 0m scalar(metric)
	NaN

eval instant at 0m scalar({l="x"})
	1

eval instant at 0m scalar(nonexistent)
	NaN

eval instant at 0m pi()
	3.141592653589793

eval instant at 0m deg(vector(pi()))
	{} 180

eval instant at 0m rad(vector(180))
	{} 3.141592653589793
`);
});

describe('date functions (functions.test)', () => {
  promqlScript('dates', `
eval instant at 0m year()
  {} 1970

eval instant at 0m year(vector(1136239445))
  {} 2006

eval instant at 0m month()
  {} 1

eval instant at 0m month(vector(1136239445))
  {} 1

eval instant at 0m day_of_month(vector(1136239445))
  {} 2

eval instant at 0m day_of_year(vector(1136239445))
  {} 2

eval instant at 0m day_of_week()
  {} 4

eval instant at 0m day_of_week(vector(1136239445))
  {} 1

eval instant at 0m hour(vector(1136239445))
  {} 22

eval instant at 0m minute(vector(1136239445))
  {} 4

eval instant at 0m year(vector(1230767999))
  {} 2008

eval instant at 0m year(vector(1230768000))
  {} 2009

eval instant at 0m month(vector(1456790399)) + day_of_month(vector(1456790399)) / 100
  {} 2.29

eval instant at 0m month(vector(1456790400)) + day_of_month(vector(1456790400)) / 100
  {} 3.01

eval instant at 0m day_of_year(vector(1483191420))
  {} 366

eval instant at 0m day_of_year(vector(1672493820))
  {} 365

eval instant at 0m days_in_month(vector(1454284800))
  {} 29

eval instant at 0m days_in_month(vector(1485907200))
  {} 28

eval instant at 0m year(vector(-1))
  {} 1969

eval range from 0 to 2h step 1h hour()
  {} 0 1 2
`);
});
