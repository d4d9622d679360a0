/** A minimal embedded-chart model: enough for a dashboard to insert, list and update charts. */
import type { EmulatorContext } from '../core';
import type { EmuRange } from './range';
import { recorderFor, type Recorder } from './record';

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;
export type ChartKind = keyof typeof ChartType;

/** The global `Charts` service, as far as embedded charts need it. */
export const Charts = { ChartType };

interface Position {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

interface ChartSettings {
  chartId: number | null;
  chartType: ChartKind | null;
  ranges: EmuRange[];
  position: Position;
  options: Map<string, unknown>;
}

function cloneSettings(s: ChartSettings): ChartSettings {
  return { ...s, ranges: [...s.ranges], position: { ...s.position }, options: new Map(s.options) };
}

export class EmbeddedChart {
  private readonly record: Recorder;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly settings: ChartSettings,
  ) {
    this.record = recorderFor(ctx, 'EmbeddedChart');
  }

  getChartId(): number | null {
    this.record('getChartId');
    return this.settings.chartId;
  }
  getRanges(): EmuRange[] {
    this.record('getRanges');
    return [...this.settings.ranges];
  }
  getOptions(): { get(option: string): unknown } {
    this.record('getOptions');
    const options = new Map(this.settings.options);
    return { get: (option) => options.get(option) ?? null };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    this.record('getContainerInfo');
    const p = { ...this.settings.position };
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilder {
    this.record('modify');
    return new EmbeddedChartBuilder(this.ctx, cloneSettings(this.settings));
  }

  /** Emulator internals: the chart type (Apps Script exposes it only through modify()) and id assignment. */
  emuChartType(): ChartKind | null {
    return this.settings.chartType;
  }

  emuChartId(): number | null {
    return this.settings.chartId;
  }

  emuWithId(chartId: number): EmbeddedChart {
    return new EmbeddedChart(this.ctx, { ...cloneSettings(this.settings), chartId });
  }
}

export class EmbeddedChartBuilder {
  private readonly record: Recorder;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly settings: ChartSettings = {
      chartId: null,
      chartType: null,
      ranges: [],
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      options: new Map(),
    },
  ) {
    this.record = recorderFor(ctx, 'EmbeddedChartBuilder');
  }

  setChartType(type: ChartKind): this {
    this.record('setChartType');
    this.settings.chartType = type;
    return this;
  }
  getChartType(): ChartKind | null {
    this.record('getChartType');
    return this.settings.chartType;
  }
  addRange(range: EmuRange): this {
    this.record('addRange');
    this.settings.ranges.push(range);
    return this;
  }
  removeRange(range: EmuRange): this {
    this.record('removeRange');
    this.settings.ranges = this.settings.ranges.filter((r) => r.emuA1WithSheet() !== range.emuA1WithSheet());
    return this;
  }
  clearRanges(): this {
    this.record('clearRanges');
    this.settings.ranges = [];
    return this;
  }
  getRanges(): EmuRange[] {
    this.record('getRanges');
    return [...this.settings.ranges];
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.record('setPosition');
    this.settings.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.record('setOption');
    this.settings.options.set(option, value);
    return this;
  }
  build(): EmbeddedChart {
    this.record('build');
    return new EmbeddedChart(this.ctx, cloneSettings(this.settings));
  }
}
