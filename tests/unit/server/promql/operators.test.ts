/**
 * Binary operators, vector matching and precedence, ported from Prometheus's
 * promql/promqltest/testdata/operators.test (float cases).
 */
import { describe } from 'vitest';
import { promqlScript } from './promqltest';

describe('arithmetic, precedence, set operators (operators.test)', () => {
  promqlScript('operators', `
load 5m
	http_requests_total{job="api-server", instance="0", group="production"}	0+10x10
	http_requests_total{job="api-server", instance="1", group="production"}	0+20x10
	http_requests_total{job="api-server", instance="0", group="canary"}	0+30x10
	http_requests_total{job="api-server", instance="1", group="canary"}	0+40x10
	http_requests_total{job="app-server", instance="0", group="production"}	0+50x10
	http_requests_total{job="app-server", instance="1", group="production"}	0+60x10
	http_requests_total{job="app-server", instance="0", group="canary"}	0+70x10
	http_requests_total{job="app-server", instance="1", group="canary"}	0+80x10

load 5m
	vector_matching_a{l="x"} 0+1x100
	vector_matching_a{l="y"} 0+2x50
	vector_matching_b{l="x"} 0+4x25

eval instant at 50m SUM(http_requests_total) BY (job) - COUNT(http_requests_total) BY (job)
	{job="api-server"} 996
	{job="app-server"} 2596

eval instant at 50m 2 - SUM(http_requests_total) BY (job)
	{job="api-server"} -998
	{job="app-server"} -2598

eval instant at 50m -http_requests_total{job="api-server",instance="0",group="production"}
  {job="api-server",instance="0",group="production"} -100

eval instant at 50m +http_requests_total{job="api-server",instance="0",group="production"}
  http_requests_total{job="api-server",instance="0",group="production"} 100

eval instant at 50m - - - SUM(http_requests_total) BY (job)
	{job="api-server"} -1000
	{job="app-server"} -2600

eval instant at 50m - - - 1
  -1

eval instant at 50m -2^---1*3
  -1.5

eval instant at 50m 2/-2^---1*3+2
  -10

eval instant at 50m -10^3 * - SUM(http_requests_total) BY (job) ^ -1
	{job="api-server"} 1
	{job="app-server"} 0.38461538461538464

eval instant at 50m 1000 / SUM(http_requests_total) BY (job)
	{job="api-server"} 1
	{job="app-server"} 0.38461538461538464

eval instant at 50m SUM(http_requests_total) BY (job) % 3
	{job="api-server"} 1
	{job="app-server"} 2

eval instant at 50m SUM(http_requests_total) BY (job) % 0.3
	{job="api-server"} 0.1
	{job="app-server"} 0.2

eval instant at 50m SUM(http_requests_total) BY (job) ^ 2
	{job="api-server"} 1000000
	{job="app-server"} 6760000

eval instant at 50m SUM(http_requests_total) BY (job) % 3 ^ 2
	{job="api-server"} 1
	{job="app-server"} 8

eval instant at 50m SUM(http_requests_total) BY (job) % 2 ^ (3 ^ 2)
	{job="api-server"} 488
	{job="app-server"} 40

eval instant at 50m SUM(http_requests_total) BY (job) % 2 ^ 3 ^ 2
	{job="api-server"} 488
	{job="app-server"} 40

eval instant at 50m SUM(http_requests_total) BY (job) % 2 ^ 3 ^ 2 ^ 2
	{job="api-server"} 1000
	{job="app-server"} 2600

eval instant at 50m COUNT(http_requests_total) BY (job) ^ COUNT(http_requests_total) BY (job)
	{job="api-server"} 256
	{job="app-server"} 256

eval instant at 50m SUM(http_requests_total) BY (job) / 0
	{job="api-server"} +Inf
	{job="app-server"} +Inf

eval instant at 50m -1 * http_requests_total{group="canary", instance="0", job="api-server"} / 0
	{group="canary", instance="0", job="api-server"} -Inf

eval instant at 50m 0 * http_requests_total{group="canary", instance="0", job="api-server"} / 0
	{group="canary", instance="0", job="api-server"} NaN

eval instant at 50m 0 * http_requests_total{group="canary", instance="0", job="api-server"} % 0
	{group="canary", instance="0", job="api-server"} NaN

eval instant at 50m (SUM((http_requests_total)) BY (job)) + SUM(http_requests_total) BY (job)
	{job="api-server"} 2000
	{job="app-server"} 5200

eval instant at 50m http_requests_total{job="api-server", group="canary"} + rate(http_requests_total{job="api-server"}[10m]) * 5 * 60
	{group="canary", instance="0", job="api-server"} 330
	{group="canary", instance="1", job="api-server"} 440

eval instant at 50m rate(http_requests_total[25m]) * 25 * 60
  {group="canary", instance="0", job="api-server"} 150
  {group="canary", instance="0", job="app-server"} 350
  {group="canary", instance="1", job="api-server"} 200
  {group="canary", instance="1", job="app-server"} 400
  {group="production", instance="0", job="api-server"} 50
  {group="production", instance="0", job="app-server"} 249.99999999999997
  {group="production", instance="1", job="api-server"} 100
  {group="production", instance="1", job="app-server"} 300

eval instant at 50m http_requests_total{group="canary"} and http_requests_total{instance="0"}
	http_requests_total{group="canary", instance="0", job="api-server"} 300
	http_requests_total{group="canary", instance="0", job="app-server"} 700

eval instant at 50m (http_requests_total{group="canary"} + 1) and on(instance, job) http_requests_total{instance="0", group="production"}
	{group="canary", instance="0", job="api-server"} 301
	{group="canary", instance="0", job="app-server"} 701

eval instant at 50m (http_requests_total{group="canary"} + 1) and ignoring(group, job) http_requests_total{instance="0", group="production"}
	{group="canary", instance="0", job="api-server"} 301
	{group="canary", instance="0", job="app-server"} 701

eval instant at 50m (http_requests_total{group="canary"} + 1) or http_requests_total{instance="1"}
	{group="canary", instance="0", job="api-server"} 301
	{group="canary", instance="0", job="app-server"} 701
	{group="canary", instance="1", job="api-server"} 401
	{group="canary", instance="1", job="app-server"} 801
	http_requests_total{group="production", instance="1", job="api-server"} 200
	http_requests_total{group="production", instance="1", job="app-server"} 600

eval instant at 50m (http_requests_total{group="canary"} + 1) or on(instance) (http_requests_total or cpu_count or vector_matching_a)
	{group="canary", instance="0", job="api-server"} 301
	{group="canary", instance="0", job="app-server"} 701
	{group="canary", instance="1", job="api-server"} 401
	{group="canary", instance="1", job="app-server"} 801
	vector_matching_a{l="x"} 10
	vector_matching_a{l="y"} 20

eval instant at 50m (http_requests_total{group="canary"} + 1) or ignoring(l, group, job) (http_requests_total or cpu_count or vector_matching_a)
	{group="canary", instance="0", job="api-server"} 301
	{group="canary", instance="0", job="app-server"} 701
	{group="canary", instance="1", job="api-server"} 401
	{group="canary", instance="1", job="app-server"} 801
	vector_matching_a{l="x"} 10
	vector_matching_a{l="y"} 20

eval instant at 50m http_requests_total{group="canary"} unless http_requests_total{instance="0"}
	http_requests_total{group="canary", instance="1", job="api-server"} 400
	http_requests_total{group="canary", instance="1", job="app-server"} 800

eval instant at 50m http_requests_total{group="canary"} unless on(job) http_requests_total{instance="0"}

eval instant at 50m http_requests_total{group="canary"} / on(instance,job) http_requests_total{group="production"}
	{instance="0", job="api-server"} 3
	{instance="0", job="app-server"} 1.4
	{instance="1", job="api-server"} 2
	{instance="1", job="app-server"} 1.3333333333333333

eval instant at 50m http_requests_total{group="canary"} unless ignoring(group) http_requests_total{instance="0"}
	http_requests_total{group="canary", instance="1", job="api-server"} 400
	http_requests_total{group="canary", instance="1", job="app-server"} 800

eval instant at 50m http_requests_total{group="canary"} / ignoring(group) http_requests_total{group="production"}
	{instance="0", job="api-server"} 3
	{instance="0", job="app-server"} 1.4
	{instance="1", job="api-server"} 2
	{instance="1", job="app-server"} 1.3333333333333333

eval instant at 50m http_requests_total AND ON (dummy) vector(1)
	http_requests_total{group="canary", instance="0", job="api-server"} 300
	http_requests_total{group="canary", instance="0", job="app-server"} 700
	http_requests_total{group="canary", instance="1", job="api-server"} 400
	http_requests_total{group="canary", instance="1", job="app-server"} 800
	http_requests_total{group="production", instance="0", job="api-server"} 100
	http_requests_total{group="production", instance="0", job="app-server"} 500
	http_requests_total{group="production", instance="1", job="api-server"} 200
	http_requests_total{group="production", instance="1", job="app-server"} 600

eval instant at 50m SUM(http_requests_total) BY (job) > 1000
	{job="app-server"} 2600

eval instant at 50m 1000 < SUM(http_requests_total) BY (job)
	{job="app-server"} 2600

eval instant at 50m SUM(http_requests_total) BY (job) <= 1000
	{job="api-server"} 1000

eval instant at 50m SUM(http_requests_total) BY (job) == bool 1000
	{job="api-server"} 1
	{job="app-server"} 0

eval instant at 50m SUM(http_requests_total) BY (job) != bool SUM(http_requests_total) BY (job)
	{job="api-server"} 0
	{job="app-server"} 0

eval instant at 50m 0 == bool 1
	0

eval instant at 50m 1 == bool 1
	1

eval instant at 50m http_requests_total{job="api-server", instance="0", group="production"} == bool 100
	{job="api-server", instance="0", group="production"} 1
`);
});

describe('group_left / group_right and matching (operators.test)', () => {
  promqlScript('matching', `
load 5m
  node_var{instance="abc",job="node"} 2
  node_role{instance="abc",job="node",role="prometheus"} 1

load 5m
  node_cpu{instance="abc",job="node",mode="idle"} 3
  node_cpu{instance="abc",job="node",mode="user"} 1
  node_cpu{instance="def",job="node",mode="idle"} 8
  node_cpu{instance="def",job="node",mode="user"} 2

load 5m
  random{foo="bar"} 1

load 5m
  threshold{instance="abc",job="node",target="a@b.com"} 0

eval instant at 1m node_role * on (instance) group_right (role) node_var
  {instance="abc",job="node",role="prometheus"} 2

eval instant at 1m node_var * on (instance) group_left (role) node_role
  {instance="abc",job="node",role="prometheus"} 2

eval instant at 1m node_var * ignoring (role) group_left (role) node_role
  {instance="abc",job="node",role="prometheus"} 2

eval instant at 1m node_role * ignoring (role) group_right (role) node_var
  {instance="abc",job="node",role="prometheus"} 2

eval instant at 1m node_cpu * ignoring (role, mode) group_left (role) node_role
  {instance="abc",job="node",mode="idle",role="prometheus"} 3
  {instance="abc",job="node",mode="user",role="prometheus"} 1

eval instant at 1m node_cpu / on (instance) group_left sum by (instance,job)(node_cpu)
  {instance="abc",job="node",mode="idle"} .75
  {instance="abc",job="node",mode="user"} .25
  {instance="def",job="node",mode="idle"} .80
  {instance="def",job="node",mode="user"} .20

eval instant at 1m sum by (mode, job)(node_cpu) / on (job) group_left sum by (job)(node_cpu)
  {job="node",mode="idle"} 0.7857142857142857
  {job="node",mode="user"} 0.21428571428571427

eval instant at 1m node_cpu / ignoring (mode) group_left(dummy) sum without (mode)(node_cpu)
  {instance="abc",job="node",mode="idle"} .75
  {instance="abc",job="node",mode="user"} .25
  {instance="def",job="node",mode="idle"} .80
  {instance="def",job="node",mode="user"} .20

eval instant at 1m node_cpu + on(dummy) group_left(foo) random*0
  {instance="abc",job="node",mode="idle",foo="bar"} 3
  {instance="abc",job="node",mode="user",foo="bar"} 1
  {instance="def",job="node",mode="idle",foo="bar"} 8
  {instance="def",job="node",mode="user",foo="bar"} 2

eval instant at 1m node_cpu > on(job, instance) group_left(target) threshold
  node_cpu{instance="abc",job="node",mode="idle",target="a@b.com"} 3
  node_cpu{instance="abc",job="node",mode="user",target="a@b.com"} 1

eval instant at 1m node_cpu > on(job, instance) group_left(target) (threshold or on (job, instance) (sum by (job, instance)(node_cpu) * 0 + 1))
  node_cpu{instance="abc",job="node",mode="idle",target="a@b.com"} 3
  node_cpu{instance="abc",job="node",mode="user",target="a@b.com"} 1
  node_cpu{instance="def",job="node",mode="idle"} 8
  node_cpu{instance="def",job="node",mode="user"} 2

eval instant at 1m node_cpu % 2
  {instance="abc",job="node",mode="idle"} 1
  {instance="abc",job="node",mode="user"} 1
  {instance="def",job="node",mode="idle"} 0
  {instance="def",job="node",mode="user"} 0

eval instant at 1m node_cpu * on(job) node_var
  expect fail msg: multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)

eval instant at 1m node_var * on(job) group_right node_cpu
  {instance="abc",job="node",mode="idle"} 6
  {instance="abc",job="node",mode="user"} 2
  {instance="def",job="node",mode="idle"} 16
  {instance="def",job="node",mode="user"} 4

eval instant at 1m node_cpu * on(job) group_left node_var
  {instance="abc",job="node",mode="idle"} 6
  {instance="abc",job="node",mode="user"} 2
  {instance="def",job="node",mode="idle"} 16
  {instance="def",job="node",mode="user"} 4

eval instant at 1m node_var * on(job) node_cpu
  expect fail msg: found duplicate series for the match group {job="node"} on the right hand-side of the operation: [{__name__="node_cpu", instance="abc", job="node", mode="user"}, {__name__="node_cpu", instance="abc", job="node", mode="idle"}];many-to-many matching not allowed: matching labels must be unique on one side

eval instant at 1m node_var * on(job) group_left node_cpu
  expect fail

eval instant at 1m (node_cpu * on(instance, job) group_left node_var) + 0
  {instance="abc",job="node",mode="idle"} 6
  {instance="abc",job="node",mode="user"} 2

clear

load 5m
  random{foo="bar"} 2
  metricA{baz="meh"} 3
  metricB{baz="meh"} 4

eval instant at 1m random + on() metricA
  {} 5

eval instant at 1m metricA + ignoring() metricB
  {baz="meh"} 7

eval instant at 1m metricA + metricB
  {baz="meh"} 7

clear

load 5m
  testmetric1{src="a",dst="b"} 0
  testmetric2{src="a",dst="b"} 1

eval instant at 0m -{__name__=~'testmetric1|testmetric2'}
    expect fail msg: vector cannot contain metrics with the same labelset

clear

load 5m
    test_total{instance="localhost"} 50
    test_smaller{instance="localhost"} 10

eval instant at 1m test_total > bool test_smaller
    {instance="localhost"} 1

eval instant at 1m test_total > test_smaller
    test_total{instance="localhost"} 50

eval instant at 1m test_total < test_smaller

clear

load 5m
    trigy{} 10
    trigx{} 20
    trigNaN{} NaN

eval instant at 1m trigy atan2 trigx
    {} 0.4636476090008061

eval instant at 1m trigy atan2 trigNaN
    {} NaN

eval instant at 1m 10 atan2 20
    0.4636476090008061
`);
});

describe('comparisons over a range with gaps and staleness (operators.test)', () => {
  promqlScript('comparisons', `
load 6m
  left_floats  1 2 _ _ 3 stale 4  5  NaN Inf -Inf
  right_floats 4 _ _ 5 3 7     -1 20 NaN Inf -Inf

eval range from 0 to 60m step 6m left_floats == right_floats
  left_floats _ _ _ _ 3 _ _ _ _ Inf -Inf

eval range from 0 to 60m step 6m left_floats == bool right_floats
  {} 0 _ _ _ 1 _ 0 0 0 1 1

eval range from 0 to 60m step 6m left_floats == does_not_match

eval range from 0 to 60m step 6m left_floats != right_floats
  left_floats 1 _ _ _ _ _ 4 5 NaN _ _

eval range from 0 to 60m step 6m left_floats != bool right_floats
  {} 1 _ _ _ 0 _ 1 1 1 0 0

eval range from 0 to 60m step 6m left_floats > right_floats
  left_floats _ _ _ _ _ _ 4 _ _ _ _

eval range from 0 to 60m step 6m left_floats >= bool right_floats
  {} 0 _ _ _ 1 _ 1 0 0 1 1

eval range from 0 to 60m step 6m left_floats < right_floats
  left_floats 1 _ _ _ _ _ _ 5 _ _ _

eval range from 0 to 60m step 6m left_floats <= bool right_floats
  {} 1 _ _ _ 1 _ 0 1 0 1 1

eval range from 0 to 60m step 6m left_floats == 3
  left_floats _ _ _ _ 3 _ _ _ _ _ _

eval range from 0 to 60m step 6m left_floats != 3
  left_floats 1 2 _ _ _ _ 4 5 NaN Inf -Inf

eval range from 0 to 60m step 6m left_floats >= 3
  left_floats _ _ _ _ 3 _ 4 5 _ Inf _

eval range from 0 to 60m step 6m left_floats == bool 3
  {} 0 0 _ _ 1 _ 0 0 0 0 0

eval range from 0 to 60m step 6m left_floats == NaN

eval range from 0 to 60m step 6m left_floats == bool NaN
  {} 0 0 _ _ 0 _ 0 0 0 0 0

eval range from 0 to 60m step 6m 3 < left_floats
  left_floats _ _ _ _ _ _ 4 5 _ Inf _

eval range from 0 to 60m step 6m 3 >= left_floats
  left_floats 1 2 _ _ 3 _ _ _ _ _ -Inf

eval range from 0 to 60m step 6m 3 == bool left_floats
  {} 0 0 _ _ 1 _ 0 0 0 0 0

eval range from 0 to 60m step 6m Inf == left_floats
  left_floats _ _ _ _ _ _ _ _ _ Inf _
`);
});
