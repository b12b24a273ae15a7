/**
 * Quality benchmarks (mmlu, gsm8k, truthfulqa, hellaswag) over JSONL datasets laid out as in
 * docs/datasets.md, each with its usual scoring, checkpointed every 100 items so an
 * interrupted run resumes where it stopped.
 */
package dev.kitt.bench.quality;
