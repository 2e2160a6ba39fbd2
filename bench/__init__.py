"""`make bench`: Warta's benchmarks, one module per topic, results written to bench/README.md."""
