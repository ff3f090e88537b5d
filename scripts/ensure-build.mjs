// Install and build if needed (used before benchmarks that run the built server).
import { buildIfNeeded, installIfNeeded } from './lib/prepare.mjs';

installIfNeeded();
buildIfNeeded();
