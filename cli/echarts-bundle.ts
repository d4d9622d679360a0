/**
 * The charting library the dashboard page inlines: Apache ECharts (Apache-2.0), the library
 * Chinese teams know from DingTalk / Lark reports, with Chinese labels and an SVG renderer that
 * needs no canvas. Only the parts the page draws are bundled (bar and line charts, grid, tooltip,
 * legend, title), from node_modules at build time, so the page needs no network to be viewed.
 */
import { build } from 'esbuild';

const ENTRY = `
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, SVGRenderer]);
window.echarts = echarts;
`;

let cached: string | undefined;

/** The minified script defining `window.echarts`, built once per process. */
export async function echartsScript(): Promise<string> {
  if (cached !== undefined) return cached;
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    legalComments: 'inline',
    target: 'es2020',
  });
  cached = result.outputFiles[0]!.text;
  return cached;
}
