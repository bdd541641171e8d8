/**
 * Test helpers for other packages of this repository: real offline Rust workspaces built
 * through a private sccache server. Not part of the CLI.
 */
export * from './rustWorkspace';
