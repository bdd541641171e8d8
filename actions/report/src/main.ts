import { runMain } from './action';

runMain().then(code => {
  process.exitCode = code;
});
