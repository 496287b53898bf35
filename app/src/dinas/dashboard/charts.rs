//! The dashboard's two bar charts as hand-drawn SVG: no chart library, a few rectangles and
//! labels scaled to the largest value. Each chart also carries its numbers as text (a `<title>`
//! per bar) for screen readers and hover.

use leptos::prelude::*;

const WIDTH: f64 = 640.0;

/// Vertical bars, one per (label, value), e.g. submissions per day. Only the first, middle and
/// last labels are written under the axis; every bar has its own `<title>`.
#[component]
pub fn ColumnChart(bars: Vec<(String, u64)>, label: String) -> impl IntoView {
    const HEIGHT: f64 = 180.0;
    const AXIS: f64 = 20.0;
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let n = bars.len().max(1);
    let slot = WIDTH / n as f64;
    let labelled = [0, n / 2, n.saturating_sub(1)];
    let columns = bars
        .into_iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let h = (value as f64 / max) * (HEIGHT - AXIS - 14.0);
            let x = i as f64 * slot + slot * 0.15;
            let y = HEIGHT - AXIS - h;
            // The end labels hang inwards so that the chart's edges do not cut them.
            let (anchor, at) = match i {
                0 => ("start", x),
                i if i + 1 == n => ("end", x + slot * 0.7),
                _ => ("middle", x + slot * 0.35),
            };
            let tick = labelled.contains(&i).then(|| {
                view! {
                    <text x=at y=HEIGHT - 4.0 text-anchor=anchor class="chart-axis">{name.clone()}</text>
                }
            });
            view! {
                <g>
                    <rect x=x y=y width=slot * 0.7 height=h class="chart-bar">
                        <title>{format!("{name}: {value}")}</title>
                    </rect>
                    {(value > 0).then(|| view! {
                        <text x=x + slot * 0.35 y=y - 3.0 text-anchor="middle" class="chart-value">{value}</text>
                    })}
                    {tick}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            <line x1="0" x2=WIDTH y1=HEIGHT - AXIS y2=HEIGHT - AXIS class="chart-baseline"/>
            {columns}
        </svg>
    }
}

/// Horizontal bars, one per (label, value), e.g. applications per stage.
#[component]
pub fn BarChart(bars: Vec<(String, u64)>, label: String) -> impl IntoView {
    const ROW: f64 = 22.0;
    const LABELS: f64 = 210.0;
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let height = ROW * bars.len().max(1) as f64;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let y = i as f64 * ROW;
            let w = (value as f64 / max) * (WIDTH - LABELS - 60.0);
            view! {
                <g>
                    <text x=LABELS - 6.0 y=y + ROW * 0.7 text-anchor="end" class="chart-axis">{name.clone()}</text>
                    <rect x=LABELS y=y + 3.0 width=w height=ROW - 6.0 class="chart-bar">
                        <title>{format!("{name}: {value}")}</title>
                    </rect>
                    <text x=LABELS + w + 4.0 y=y + ROW * 0.7 class="chart-value">{value}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
            {rows}
        </svg>
    }
}
