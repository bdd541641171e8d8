import { readFixture } from '../testUtils/fixtures';
import { CargoTimingsError, parseCargoTimingsHtml } from './parseCargoTimings';

/** Real report of `cargo build --timings --offline` (cargo 1.95) of itoa + cfg-if + a lib, bin and build script. */
const HTML = readFixture('cargo/cargo-timing.html');

describe('parseCargoTimingsHtml', () => {
  it('reads the real cargo 1.95 report', () => {
    expect(parseCargoTimingsHtml(HTML)).toEqual({
      totalSeconds: 0.34,
      unitCount: 6,
      slowest: [
        {
          name: 'tinyproj',
          version: '0.1.0',
          target: 'build-script',
          mode: 'todo',
          seconds: 0.11,
        },
        {
          name: 'tinyproj',
          version: '0.1.0',
          target: 'tinyproj "bin"',
          mode: 'todo',
          seconds: 0.08,
        },
        {
          name: 'itoa',
          version: '1.0.1',
          target: 'lib',
          mode: 'todo',
          seconds: 0.07,
        },
        {
          name: 'tinyproj',
          version: '0.1.0',
          target: 'lib',
          mode: 'todo',
          seconds: 0.06,
        },
        {
          name: 'cfg-if',
          version: '1.0.0',
          target: 'lib',
          mode: 'todo',
          seconds: 0.03,
        },
        {
          name: 'tinyproj',
          version: '0.1.0',
          target: 'build-script (run)',
          mode: 'run-custom-build',
          seconds: 0,
        },
      ],
    });
  });

  it('keeps only the slowest N', () => {
    const timings = parseCargoTimingsHtml(HTML, 2);
    expect(timings.unitCount).toBe(6);
    expect(timings.slowest.map(unit => unit.seconds)).toEqual([0.11, 0.08]);
    expect(parseCargoTimingsHtml(HTML, 0).slowest).toEqual([]);
  });

  it('rejects a slowestN the report schema cannot hold', () => {
    expect(() => parseCargoTimingsHtml(HTML, 101)).toThrow(RangeError);
    expect(() => parseCargoTimingsHtml(HTML, 1.5)).toThrow(
      'slowestN must be an integer from 0 to 100 (got 1.5)',
    );
  });

  it('reads the compact one-line form too, with brackets inside strings', () => {
    const html = `<script>
const UNIT_DATA = [{"i":1,"name":"itoa","version":"1.0.1","mode":"todo","target":"","features":["a]b"],"start":0.22,"duration":0.2,"unblocked_units":[],"unblocked_rmeta_units":[2],"sections":[["frontend",{"start":0.0,"end":0.17}],["codegen",{"start":0.17,"end":0.2}]]}];
const CONCURRENCY_DATA = [{"t":0.22,"active":2,"waiting":0,"inactive":2}];
</script>`;
    expect(parseCargoTimingsHtml(html)).toEqual({
      totalSeconds: 0.42,
      unitCount: 1,
      slowest: [
        {
          name: 'itoa',
          version: '1.0.1',
          target: 'lib',
          mode: 'todo',
          seconds: 0.2,
        },
      ],
    });
  });

  it('reads a build where every unit was fresh', () => {
    expect(
      parseCargoTimingsHtml('<script>const UNIT_DATA = [\n];\n</script>'),
    ).toEqual({ totalSeconds: 0, unitCount: 0, slowest: [] });
  });

  describe('errors name the problem', () => {
    const expectError = (html: string, message: string) => {
      expect(() => parseCargoTimingsHtml(html)).toThrow(CargoTimingsError);
      expect(() => parseCargoTimingsHtml(html)).toThrow(message);
    };

    it('rejects HTML without UNIT_DATA', () => {
      expectError(
        '<html><body>Cargo Build Timings</body></html>',
        'cargo timings: no UNIT_DATA in the HTML',
      );
    });

    it('rejects a truncated or invalid array', () => {
      expectError(
        HTML.slice(0, HTML.indexOf('const CONCURRENCY_DATA') - 200),
        'UNIT_DATA is not a complete JSON array',
      );
      expectError(
        'const UNIT_DATA = [{name: "itoa"}];',
        'UNIT_DATA is not valid JSON',
      );
    });

    it('names the bad unit field', () => {
      expectError(
        'const UNIT_DATA = [{"name":"itoa","version":"1.0.1","mode":"todo","target":"","start":0.1,"duration":"fast"}];',
        'cargo timings: UNIT_DATA[0].duration must be a number of seconds (got "fast")',
      );
      expectError(
        'const UNIT_DATA = [{"version":"1.0.1"}];',
        'UNIT_DATA[0].name must be a string (got nothing)',
      );
      expectError(
        'const UNIT_DATA = [3];',
        'UNIT_DATA[0] must be an object (got 3)',
      );
    });
  });
});
