import {
  classifyChannel,
  isExactToolchainPin,
  parseToolchainFile,
  selectToolchainFile,
  ToolchainFileError,
} from './parseToolchainFile';

const RUSTUP_DOCS_EXAMPLE = `[toolchain]
channel = "nightly-2020-07-10"
components = [ "rustfmt", "rustc-dev" ]
targets = [ "wasm32-unknown-unknown", "thumbv2-none-eabi" ]
profile = "minimal"
`;

describe('parseToolchainFile', () => {
  it('parses the rustup documentation example', () => {
    expect(
      parseToolchainFile('rust-toolchain.toml', RUSTUP_DOCS_EXAMPLE),
    ).toEqual({
      file: 'rust-toolchain.toml',
      channel: 'nightly-2020-07-10',
      path: null,
      components: ['rustfmt', 'rustc-dev'],
      targets: ['wasm32-unknown-unknown', 'thumbv2-none-eabi'],
      profile: 'minimal',
    });
  });

  it('parses a legacy file holding a bare toolchain name', () => {
    expect(
      parseToolchainFile('rust-toolchain', 'nightly-2021-01-21\n'),
    ).toEqual({
      file: 'rust-toolchain',
      channel: 'nightly-2021-01-21',
      path: null,
      components: [],
      targets: [],
      profile: null,
    });
    expect(parseToolchainFile('rust-toolchain', '  1.95.0\r\n').channel).toBe(
      '1.95.0',
    );
  });

  it('parses a legacy file holding TOML (more than one line)', () => {
    const parsed = parseToolchainFile(
      'rust-toolchain',
      '[toolchain]\nchannel = "1.95.0"\n',
    );
    expect(parsed).toMatchObject({
      file: 'rust-toolchain',
      channel: '1.95.0',
      components: [],
    });
  });

  it('accepts a table with only components, and a path toolchain', () => {
    expect(
      parseToolchainFile(
        'rust-toolchain.toml',
        '[toolchain]\ncomponents = ["clippy"]\n',
      ),
    ).toMatchObject({
      channel: null,
      components: ['clippy'],
    });
    expect(
      parseToolchainFile(
        'rust-toolchain.toml',
        '[toolchain]\npath = "/opt/rust/custom"\n',
      ),
    ).toMatchObject({
      channel: null,
      path: '/opt/rust/custom',
    });
  });

  describe('errors name the file and the problem', () => {
    const expectError = (
      file: 'rust-toolchain' | 'rust-toolchain.toml',
      content: string,
      message: string,
    ) => {
      expect(() => parseToolchainFile(file, content)).toThrow(
        ToolchainFileError,
      );
      expect(() => parseToolchainFile(file, content)).toThrow(message);
    };

    it('rejects empty files', () => {
      expectError('rust-toolchain', '', 'rust-toolchain: the file is empty');
      expectError(
        'rust-toolchain',
        '   \n',
        'rust-toolchain: the file is empty',
      );
      expectError(
        'rust-toolchain.toml',
        '',
        'rust-toolchain.toml: the file is empty',
      );
    });

    it('rejects TOML without [toolchain] or with an empty one', () => {
      expectError(
        'rust-toolchain.toml',
        'channel = "stable"\n',
        'rust-toolchain.toml: the [toolchain] table is missing',
      );
      expectError(
        'rust-toolchain.toml',
        '[toolchain]\n',
        'rust-toolchain.toml: [toolchain] needs at least one of channel',
      );
      expectError(
        'rust-toolchain.toml',
        'toolchain = "stable"\n',
        'rust-toolchain.toml: toolchain must be a table',
      );
    });

    it('treats a one-line rust-toolchain.toml as TOML, unlike the legacy file', () => {
      expectError(
        'rust-toolchain.toml',
        'stable',
        'rust-toolchain.toml: not valid TOML',
      );
    });

    it('rejects invalid TOML with the position', () => {
      expectError(
        'rust-toolchain.toml',
        '[toolchain\nchannel = "stable"\n',
        'not valid TOML: illegal character in key (line 1, column 11)',
      );
    });

    it('rejects path together with channel', () => {
      expectError(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = "stable"\npath = "/opt/rust"\n',
        'rust-toolchain.toml: cannot set both channel ("stable") and path ("/opt/rust")',
      );
    });

    it('rejects wrongly typed keys and unknown profiles', () => {
      expectError(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = 1.95\n',
        'toolchain.channel must be a non-empty string (got 1.95)',
      );
      expectError(
        'rust-toolchain.toml',
        '[toolchain]\ntargets = "wasm32"\n',
        'toolchain.targets must be a list of names',
      );
      expectError(
        'rust-toolchain.toml',
        '[toolchain]\nprofile = "tiny"\n',
        'toolchain.profile must be one of minimal, default, complete (got "tiny")',
      );
    });

    it('rejects a bare name with spaces', () => {
      expectError(
        'rust-toolchain',
        'nightly 2021\n',
        'rust-toolchain: the toolchain name must be a toolchain name without spaces',
      );
    });
  });
});

describe('selectToolchainFile', () => {
  it('prefers the legacy rust-toolchain when both exist, as rustup does', () => {
    const selected = selectToolchainFile({
      'rust-toolchain': '1.94.0',
      'rust-toolchain.toml': '[toolchain]\nchannel = "1.95.0"\n',
    });
    expect(selected).toMatchObject({
      file: 'rust-toolchain',
      channel: '1.94.0',
    });
  });

  it('uses rust-toolchain.toml when it is the only one', () => {
    expect(
      selectToolchainFile({
        'rust-toolchain': null,
        'rust-toolchain.toml': '[toolchain]\nchannel = "1.95.0"\n',
      }),
    ).toMatchObject({
      file: 'rust-toolchain.toml',
      channel: '1.95.0',
    });
  });

  it('returns null when there is neither', () => {
    expect(selectToolchainFile({})).toBeNull();
    expect(
      selectToolchainFile({
        'rust-toolchain': null,
        'rust-toolchain.toml': null,
      }),
    ).toBeNull();
  });

  it('throws for the chosen file even when the other one is fine', () => {
    expect(() =>
      selectToolchainFile({
        'rust-toolchain': '',
        'rust-toolchain.toml': '[toolchain]\nchannel = "1.95.0"\n',
      }),
    ).toThrow('rust-toolchain: the file is empty');
  });
});

describe('isExactToolchainPin', () => {
  it.each([
    ['1.95.0', true],
    ['1.95.0-x86_64-unknown-linux-gnu', true],
    ['nightly-2026-01-01', true],
    ['nightly-2026-01-01-aarch64-apple-darwin', true],
    ['beta-2026-03-01', true],
    ['stable-2026-04-16', true],
    ['stable', false],
    ['beta', false],
    ['nightly', false],
    ['nightly-x86_64-unknown-linux-gnu', false],
    ['1.95', false],
    ['my-custom-toolchain', false],
  ])('%s → %s', (channel, exact) => {
    expect(isExactToolchainPin(channel)).toBe(exact);
  });

  it('is false without a channel', () => {
    expect(isExactToolchainPin(null)).toBe(false);
  });
});

describe('classifyChannel', () => {
  it('tells the kinds apart', () => {
    expect(classifyChannel('stable')).toEqual({
      kind: 'floating',
      channel: 'stable',
    });
    expect(classifyChannel('1.95')).toEqual({ kind: 'minor', version: '1.95' });
    expect(classifyChannel('1.95.0-x86_64-pc-windows-msvc')).toEqual({
      kind: 'release',
      version: '1.95.0',
    });
    expect(classifyChannel('nightly-2026-01-01')).toEqual({
      kind: 'dated',
      channel: 'nightly',
      date: '2026-01-01',
    });
    expect(classifyChannel('my-toolchain')).toEqual({
      kind: 'custom',
      name: 'my-toolchain',
    });
  });
});
