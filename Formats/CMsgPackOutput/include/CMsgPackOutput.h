// msgpack-c's packing routines (pack_template.h, from libmsgpack-dev), instantiated to
// append into a window of memory, with a call back into Swift only when the window is full.
// The prebuilt msgpack_packer calls a write callback through a function pointer once per
// header and per value; here the copy is inline, so packing a small value costs what
// msgpack-c's own choice of encoding and a copy cost.

#ifndef LODUM_CMSGPACKOUTPUT_H
#define LODUM_CMSGPACKOUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <msgpack/pack_define.h>
#include <msgpack/sysdep.h>
#include <msgpack/timestamp.h>

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

/// Appends `length` bytes: a copy when they fit, `lodum_mp_window_write` otherwise.
static inline int lodum_mp_window_append(lodum_mp_window *window, const void *buffer, size_t length) {
    if (length <= window->capacity - window->count) {
        memcpy(window->base + window->count, buffer, length);
        window->count += length;
        return 0;
    }
    return lodum_mp_window_write(window, (const char *)buffer, length);
}

// msgpack-c's packer, as `lodum_mp_pack_int64(window, value)`, `lodum_mp_pack_map(window, n)`,
// `lodum_mp_pack_str_body(window, bytes, length)` and so on: each picks the smallest
// encoding, as msgpack_pack_* do, and appends it to the window. Each returns 0, or -1 when
// the window could not be refilled.
#define msgpack_pack_inline_func(name) static inline int lodum_mp_pack ## name
#define msgpack_pack_inline_func_cint(name) static inline int lodum_mp_pack ## name
#define msgpack_pack_user lodum_mp_window *
#define msgpack_pack_append_buffer(user, buf, len) return lodum_mp_window_append(user, buf, len)
#include <msgpack/pack_template.h>

#endif
