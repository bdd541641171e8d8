export { PrewarmPage } from './PrewarmPage';
