#include "CMsgPackEvents.h"

#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

// The state machine's stack, set before msgpack's definitions read it.
#define MSGPACK_EMBED_STACK_SIZE LODUM_MP_MAX_DEPTH
#include <msgpack/sysdep.h>
#include <msgpack/unpack.h>
#include <msgpack/unpack_define.h>

typedef struct lodum_mp_user {
    lodum_mp_event *events;
    size_t count;
    const char *base;
    uint64_t max_elements;
    /// The state machine's cursor when it reported the current value: its last byte.
    const unsigned char *cursor;
} lodum_mp_user;

// The state machine calls each callback with the value but not with its position. Every
// call site in `_execute` has its cursor `p` and `user` in scope, so the callback macro
// below notes `p` first. The one other call site, `_root` in `_init`, has no such locals
// and sees these two file-scope nulls instead, for which noting does nothing.
static const unsigned char *const p = NULL;
static lodum_mp_user *const user = NULL;

static inline void lodum_mp_note(lodum_mp_user *u, const unsigned char *cursor) {
    if (u) u->cursor = cursor;
}

static inline int lodum_mp_emit(lodum_mp_user *u, uint8_t kind, uint64_t bits) {
    lodum_mp_event *event = &u->events[u->count++];
    event->kind = kind;
    event->bits = bits;
    event->end = (uint64_t)((const char *)u->cursor - u->base) + 1;
    event->length = 0;
    event->ext_type = 0;
    return 0;
}

static inline int lodum_mp_callback_root(lodum_mp_user *u) { (void)u; return 0; }
static inline int lodum_mp_callback_uint8(lodum_mp_user *u, uint8_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_UINT, d); }
static inline int lodum_mp_callback_uint16(lodum_mp_user *u, uint16_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_UINT, d); }
static inline int lodum_mp_callback_uint32(lodum_mp_user *u, uint32_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_UINT, d); }
static inline int lodum_mp_callback_uint64(lodum_mp_user *u, uint64_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_UINT, d); }
static inline int lodum_mp_callback_int8(lodum_mp_user *u, int8_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_INT, (uint64_t)(int64_t)d); }
static inline int lodum_mp_callback_int16(lodum_mp_user *u, int16_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_INT, (uint64_t)(int64_t)d); }
static inline int lodum_mp_callback_int32(lodum_mp_user *u, int32_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_INT, (uint64_t)(int64_t)d); }
static inline int lodum_mp_callback_int64(lodum_mp_user *u, int64_t d, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_INT, (uint64_t)d); }

static inline int lodum_mp_callback_float(lodum_mp_user *u, float d, int *o) {
    *o = 0;
    uint32_t bits;
    memcpy(&bits, &d, sizeof bits);
    return lodum_mp_emit(u, LODUM_MP_FLOAT32, bits);
}

static inline int lodum_mp_callback_double(lodum_mp_user *u, double d, int *o) {
    *o = 0;
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return lodum_mp_emit(u, LODUM_MP_FLOAT64, bits);
}

static inline int lodum_mp_callback_nil(lodum_mp_user *u, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_NIL, 0); }
static inline int lodum_mp_callback_true(lodum_mp_user *u, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_TRUE, 1); }
static inline int lodum_mp_callback_false(lodum_mp_user *u, int *o) { *o = 0; return lodum_mp_emit(u, LODUM_MP_FALSE, 0); }

// A container's claimed count is checked here, before the state machine pushes it: every
// element takes at least one byte, so a count beyond the bytes that can follow is a lie.
static inline int lodum_mp_callback_array(lodum_mp_user *u, unsigned int n, int *o) {
    *o = 0;
    if ((uint64_t)n > u->max_elements) return LODUM_MP_COUNT_TOO_LARGE;
    return lodum_mp_emit(u, LODUM_MP_ARRAY, n);
}

static inline int lodum_mp_callback_map(lodum_mp_user *u, unsigned int n, int *o) {
    *o = 0;
    if ((uint64_t)n * 2 > u->max_elements) return LODUM_MP_COUNT_TOO_LARGE;
    return lodum_mp_emit(u, LODUM_MP_MAP, n);
}

static inline int lodum_mp_callback_array_item(lodum_mp_user *u, int *c, int o) { (void)u; (void)c; (void)o; return 0; }
static inline int lodum_mp_callback_map_item(lodum_mp_user *u, int *c, int k, int v) { (void)u; (void)c; (void)k; (void)v; return 0; }

// An empty payload's pointer is not to be trusted: for `a0` (fixstr 0) the state machine
// jumps straight to its push with `n` unset, NULL at the start of a call. It has no bytes,
// so it is reported at offset 0.
static inline int lodum_mp_payload(lodum_mp_user *u, uint8_t kind, const char *payload, unsigned int l) {
    lodum_mp_event *event = &u->events[u->count++];
    event->kind = kind;
    event->bits = l == 0 ? 0 : (uint64_t)(payload - u->base);
    event->end = (uint64_t)((const char *)u->cursor - u->base) + 1;
    event->length = l;
    event->ext_type = 0;
    return 0;
}

static inline int lodum_mp_callback_str(lodum_mp_user *u, const char *b, const char *payload, unsigned int l, int *o) {
    (void)b;
    *o = 0;
    return lodum_mp_payload(u, LODUM_MP_STR, payload, l);
}

static inline int lodum_mp_callback_bin(lodum_mp_user *u, const char *b, const char *payload, unsigned int l, int *o) {
    (void)b;
    *o = 0;
    return lodum_mp_payload(u, LODUM_MP_BIN, payload, l);
}

// An extension's payload starts with its type code. An ext 32 claiming 0xFFFFFFFF bytes
// wraps the state machine's length to 0: refused here rather than read out of bounds.
static inline int lodum_mp_callback_ext(lodum_mp_user *u, const char *b, const char *payload, unsigned int l, int *o) {
    (void)b;
    *o = 0;
    if (l == 0) return LODUM_MP_EXT_WITHOUT_TYPE;
    lodum_mp_payload(u, LODUM_MP_EXT, payload + 1, l - 1);
    u->events[u->count - 1].ext_type = (int8_t)payload[0];
    return 0;
}

#define msgpack_unpack_struct(name) struct lodum_mp_template ## name
#define msgpack_unpack_func(ret, name) static inline ret lodum_mp_template ## name
#define msgpack_unpack_callback(name) (lodum_mp_note(user, p), lodum_mp_callback ## name)
#define msgpack_unpack_object int
#define msgpack_unpack_user lodum_mp_user

#include <msgpack/unpack_template.h>

struct lodum_mp_unpacker {
    struct lodum_mp_template_context context;
};

lodum_mp_unpacker *lodum_mp_unpacker_create(void) {
    lodum_mp_unpacker *unpacker = malloc(sizeof *unpacker);
    if (unpacker) lodum_mp_unpacker_reset(unpacker);
    return unpacker;
}

void lodum_mp_unpacker_destroy(lodum_mp_unpacker *unpacker) { free(unpacker); }

void lodum_mp_unpacker_reset(lodum_mp_unpacker *unpacker) {
    memset(&unpacker->context.user, 0, sizeof unpacker->context.user);
    lodum_mp_template_init(&unpacker->context);
}

int lodum_mp_unpacker_execute(lodum_mp_unpacker *unpacker, const char *data, size_t length, size_t *offset,
                              lodum_mp_event *events, size_t *event_count, uint64_t max_elements) {
    lodum_mp_user *user = &unpacker->context.user;
    user->events = events;
    user->count = 0;
    user->base = data;
    user->max_elements = max_elements;
    int result = lodum_mp_template_execute(&unpacker->context, data, length, offset);
    *event_count = user->count;
    if (result == MSGPACK_UNPACK_NOMEM_ERROR) return LODUM_MP_TOO_DEEP;
    return result;
}

// Between values the state machine keeps the trail of the last value it read: a long
// string's length would still show after the string. Only a value under way needs bytes.
uint32_t lodum_mp_unpacker_pending_length(const lodum_mp_unpacker *unpacker) {
    return unpacker->context.cs == MSGPACK_CS_HEADER ? 0 : unpacker->context.trail;
}

