#include "CMsgPackOutput.h"

#include <string.h>

int lodum_mp_window_write(void *data, const char *buffer, size_t length) {
    lodum_mp_window *window = data;
    while (length > window->capacity - window->count) {
        size_t fit = window->capacity - window->count;
        memcpy(window->base + window->count, buffer, fit);
        window->count += fit;
        buffer += fit;
        length -= fit;
        if (window->refill(window) != 0 || window->count >= window->capacity) return -1;
    }
    memcpy(window->base + window->count, buffer, length);
    window->count += length;
    return 0;
}
