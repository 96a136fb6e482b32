package analytics

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

// Value is a metric's value on a day. Value is nil where DESIGN says null
// (no active member, no fee schedule); Service names the service that
// top_service_share is about and is empty for every other metric.
type Value struct {
	Value   *float64 `json:"value"`
	Service string   `json:"service,omitempty"`
}

// KeyedValue is one metric's value in a MetricSet.
type KeyedValue struct {
	Key   string
	Value Value
}

// MetricSet is every metric on one day, in DESIGN's order. Its JSON is an
// object keyed by metric in that order, as /api/metrics shows it.
type MetricSet []KeyedValue

// Get returns the value of the metric with the key.
func (ms MetricSet) Get(key string) (Value, bool) {
	for _, kv := range ms {
		if kv.Key == key {
			return kv.Value, true
		}
	}
	return Value{}, false
}

// MarshalJSON writes {"members": {"value": 33}, ...} keeping the order.
func (ms MetricSet) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(kv.Key)
		value, err := json.Marshal(kv.Value)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Metric computes the metric key with parameters p on asOf (the zero time:
// today). An unknown key, a parameter the metric does not take or a bad
// value, or a year outside 1900–2999 is EInvalid.
func (s *Store) Metric(ctx context.Context, key string, p Params, asOf time.Time) (Value, error) {
	m, err := lookupMetric(key)
	if err != nil {
		return Value{}, err
	}
	args, err := m.bindParams(p)
	if err != nil {
		return Value{}, err
	}
	asOf, err = s.asOfDay(asOf)
	if err != nil {
		return Value{}, err
	}
	return s.metricOn(ctx, m, args, asOf)
}

// Metrics computes every key figure (KeyFigures: the metrics of DESIGN
// "Metrics", not those for goals only) on asOf (the zero time: today) with
// its default parameters (members of every kind, networks with n = 20).
func (s *Store) Metrics(ctx context.Context, asOf time.Time) (MetricSet, error) {
	return s.metricsOf(ctx, asOf, KeyFigures())
}

// MetricsOf computes the metrics with the keys, in that order, on asOf as
// Metrics does (a page that shows a few asks only for those). An unknown
// key is EInvalid.
func (s *Store) MetricsOf(ctx context.Context, asOf time.Time, keys ...string) (MetricSet, error) {
	ms := make([]MetricInfo, len(keys))
	for i, key := range keys {
		m, err := lookupMetric(key)
		if err != nil {
			return nil, err
		}
		ms[i] = m
	}
	return s.metricsOf(ctx, asOf, ms)
}

func (s *Store) metricsOf(ctx context.Context, asOf time.Time, metrics []MetricInfo) (MetricSet, error) {
	asOf, err := s.asOfDay(asOf)
	if err != nil {
		return nil, err
	}
	// The queries are independent and each costs a few milliseconds however
	// small the registry: run them side by side.
	out := make(MetricSet, len(metrics))
	errs := make([]error, len(metrics))
	var wg sync.WaitGroup
	for i, m := range metrics {
		wg.Go(func() {
			args, err := m.bindParams(nil)
			if err == nil {
				out[i].Value, err = s.metricOn(ctx, m, args, asOf)
			}
			out[i].Key, errs[i] = m.Key, err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// metricOn runs a metric's query for the one day asOf, or reads its value
// where ctx holds it (WithDayValues).
func (s *Store) metricOn(ctx context.Context, m MetricInfo, args map[string]any, asOf time.Time) (Value, error) {
	points, err := s.metricPoints(ctx, m, args, asOf, asOf)
	if err != nil {
		return Value{}, err
	}
	if len(points) != 1 {
		return Value{}, fmt.Errorf("metric %s gave %d values for one day", m.Key, len(points))
	}
	return Value{Value: points[0].Value, Service: points[0].Service}, nil
}

// metricPoints runs a metric's query for the days its as_of CTE makes of
// [from, to]: the month ends in between, the last clamped to to. Where ctx
// holds the values of all those days (WithDayValues) it reads them instead.
func (s *Store) metricPoints(ctx context.Context, m MetricInfo, args map[string]any, from, to time.Time) ([]Point, error) {
	dv := dayValuesOf(ctx)
	key := ""
	if dv != nil {
		key = metricArgsKey(m, args)
		if points, ok := dv.lookup(key, monthEndDays(from, to)); ok {
			return points, nil
		}
	}
	points, err := s.metricDays(ctx, m, args, from, to, nil)
	if err != nil {
		return nil, err
	}
	dv.store(key, points)
	return points, nil
}
