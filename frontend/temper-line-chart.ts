import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

/** Lumo-friendly colours, one per series, repeated if there are more. */
const COLOURS = ['#1676f3', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599'];

interface ChartData {
  labels: string[];
  series: Record<string, number[]>;
}

/**
 * Line or bar chart for the Java components dev.temper.ui.LineChart and BarChart, which set `data` as a
 * JSON string ({labels, series}) and `kind` ('line' or 'bar'). Chart.js measures its canvas when it draws: drawing before the element is laid
 * out leaves a blank chart, so every draw waits for the next animation frame.
 */
@customElement('temper-line-chart')
export class TemperLineChart extends LitElement {
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

  @property({ type: String }) kind: 'line' | 'bar' = 'line';

  @query('canvas') private canvas!: HTMLCanvasElement;

  private chart?: Chart;
  private frame = 0;

  render() {
    return html`<div class="frame"><canvas></canvas></div>`;
  }

  updated() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.chart?.destroy();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    // Re-attached (e.g. navigating back): the chart was destroyed on detach, so draw it again.
    if (this.hasUpdated) {
      this.frame = requestAnimationFrame(() => this.draw());
    }
  }

  private draw() {
    const parsed: ChartData = this.data ? JSON.parse(this.data) : { labels: [], series: {} };
    const datasets = Object.entries(parsed.series).map(([label, values], i) => ({
      label,
      data: values,
      borderColor: COLOURS[i % COLOURS.length],
      backgroundColor: COLOURS[i % COLOURS.length],
      tension: 0.2,
      pointRadius: 2,
    }));
    if (this.chart) {
      this.chart.data.labels = parsed.labels;
      this.chart.data.datasets = datasets;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas, {
      type: this.kind,
      data: { labels: parsed.labels, datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }
}
