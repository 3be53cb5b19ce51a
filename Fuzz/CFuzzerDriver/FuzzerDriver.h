// libFuzzer's entry for programs that keep their own main (libclang_rt.fuzzer_no_main).
// Only the fuzzing build of LodumFuzz calls it, and only that build links libFuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
