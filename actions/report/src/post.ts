import { runPost } from './action';

runPost().then(code => {
  process.exitCode = code;
});
