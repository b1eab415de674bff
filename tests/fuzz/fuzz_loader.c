/* libFuzzer target: no input, however malformed, may crash, hang or leak
 * in the loader. Built and run by `make fuzz` (scripts/fuzz.sh). */
#include <stddef.h>
#include <stdint.h>

#include "dlfl/loader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list d = {0};
	struct module *m = loader_load_buffer("fuzz.yaml", (const char *)data, size, &d);

	model_free(&m);
	diag_free(&d);
	return 0;
}
