import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { Chart, Legend, LinearScale, PointElement, ScatterController, Tooltip } from 'chart.js';

Chart.register(ScatterController, PointElement, LinearScale, Legend, Tooltip);

/** Reliable, unreliable, stale: the same colours as the leaderboard's badges. */
const COLOURS = ['#2f9e44', '#e03131', '#868e96', '#1676f3', '#ae3ec9'];

interface Point {
  x: number;
  y: number;
  label: string;
}

interface ScatterData {
  xTitle: string;
  yTitle: string;
  series: Record<string, Point[]>;
}

/**
 * Scatter chart for dev.temper.ui.ScatterChart, which sets `data` as one JSON string ({xTitle, yTitle,
 * series: name -> [{x, y, label}]}); each point's label shows in its tooltip. Draws on the next animation frame,
 * once the element is laid out (Chart.js measures its canvas when it draws).
 */
@customElement('temper-scatter-chart')
export class TemperScatterChart extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
    .frame {
      position: relative;
      width: 100%;
      height: 100%;
    }
  `;

  @property({ type: String }) data = '';

  @query('canvas') private canvas!: HTMLCanvasElement;

  private chart?: Chart<'scatter', Point[]>;
  private frame = 0;

  render() {
    return html`<div class="frame"><canvas></canvas></div>`;
  }

  updated() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.frame = requestAnimationFrame(() => this.draw());
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.chart?.destroy();
    this.chart = undefined;
  }

  private draw() {
    const parsed: ScatterData = this.data ? JSON.parse(this.data) : { xTitle: '', yTitle: '', series: {} };
    const datasets = Object.entries(parsed.series).map(([label, points], i) => ({
      label,
      data: points,
      borderColor: COLOURS[i % COLOURS.length],
      backgroundColor: COLOURS[i % COLOURS.length],
      pointRadius: 3,
    }));
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, {
      type: 'scatter',
      data: { datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: parsed.xTitle }, min: 0, max: 1 },
          y: { title: { display: true, text: parsed.yTitle }, min: 0, max: 1 },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) => {
                const p = item.raw as Point;
                return `${p.label}: clean ${(p.x * 100).toFixed(1)}%, robust ${(p.y * 100).toFixed(1)}%`;
              },
            },
          },
        },
      },
    });
  }
}
