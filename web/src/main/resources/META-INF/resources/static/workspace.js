// The workspace's charts. Each <div class="chart" data-chart="…"> reads its data from the JSON in the <script
// type="application/json"> inside it (written by the server; no inline script runs) and is drawn by ECharts
// (SVG, no animation: the final picture at once, on slow machines and in screenshots alike).
(function () {
  function bars(el, d) {
    return {
      animation: false,
      grid: { left: 48, right: 84, top: 30, bottom: 40 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + d.unit; } },
      xAxis: { type: 'category', data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: d.max, axisLabel: { formatter: '{value}' + d.unit } },
      series: [{
        type: 'bar', data: d.values.map(function (v) {
          return { value: v, itemStyle: { color: v >= d.line ? '#1e824c' : '#c0392b' } };
        }),
        label: { show: true, position: 'top', formatter: function (p) { return p.value + d.unit; } },
        markLine: { symbol: 'none', lineStyle: { color: '#1d4f91', type: 'dashed' },
          label: { formatter: d.lineLabel }, data: [{ yAxis: d.line }] }
      }]
    };
  }
  function trend(el, d) {
    // the words come with the data, in the page's language: legend names, the unit of points, the pass line's label
    var unit = d.pointsUnit || '';
    var named = d.confirmedLabel && d.projectedLabel;
    return {
      animation: false,
      // a label is its scoring's number over its date, so the first one, centred on the y axis, stays inside the chart
      grid: { left: 56, right: 84, top: 30, bottom: 48 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + unit; } },
      legend: { show: !!named, data: named ? [d.confirmedLabel, d.projectedLabel] : [], top: 0 },
      xAxis: { type: 'category', data: d.labels,
        axisLabel: { formatter: function (v) { return v.replace(d.labelBreak || ' ', '\n'); } } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { name: d.confirmedLabel || '', type: 'line', data: d.confirmed,
          markLine: { symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' },
            label: d.lineLabel ? { formatter: d.lineLabel } : {}, data: [{ yAxis: 85 }] } },
        { name: d.projectedLabel || '', type: 'line', data: d.projected, lineStyle: { type: 'dotted' } }
      ]
    };
  }
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) { return; }
      var data = JSON.parse(el.querySelector('script[type="application/json"]').textContent);
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(el.dataset.chart === 'trend' ? trend(el, data) : bars(el, data));
      if (data.links) {
        chart.on('click', function (p) { if (data.links[p.dataIndex]) { window.location.href = data.links[p.dataIndex]; } });
      }
      window.addEventListener('resize', function () { chart.resize(); });
      el.dataset.drawn = '1';
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSwap', draw);
})();
