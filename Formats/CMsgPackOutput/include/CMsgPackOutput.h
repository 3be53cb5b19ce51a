// The write callback Lodum gives msgpack-c's packer: a copy into a window of memory, with a
// call back into Swift only when the window is full. msgpack-c calls its callback once per
// header and per value, so the callback must cost no more than a copy.

#ifndef LODUM_CMSGPACKOUTPUT_H
#define LODUM_CMSGPACKOUTPUT_H

#include <stddef.h>

typedef struct lodum_mp_window lodum_mp_window;

/// Empties or enlarges a full window (`count == capacity`) so that it has room again;
/// returns 0 on success and -1 when the output failed.
typedef int (*lodum_mp_window_refill)(lodum_mp_window *window);

/// Where packed bytes go: `base[0 ..< count]` of `capacity` bytes.
struct lodum_mp_window {
    unsigned char *base;
    size_t count;
    size_t capacity;
    lodum_mp_window_refill refill;
    void *context;
};

/// msgpack-c's `msgpack_packer_write` for a packer whose data is a `lodum_mp_window`:
/// copies `buffer`, refilling the window as often as it fills. Returns 0 or -1.
int lodum_mp_window_write(void *window, const char *buffer, size_t length);

#endif
