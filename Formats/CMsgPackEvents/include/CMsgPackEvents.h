// msgpack-c's own unpacking state machine (unpack_template.h, from libmsgpack-dev),
// instantiated with callbacks that report events instead of building msgpack_object trees.
// It lets Lodum read MessagePack as a stream of events with no allocation per value, check
// every claimed length before anything is allocated, and nest deeper than the 32 levels the
// prebuilt msgpack_unpacker allows.

#ifndef LODUM_CMSGPACKEVENTS_H
#define LODUM_CMSGPACKEVENTS_H

#include <stddef.h>
#include <stdint.h>

/// The kind of a MessagePack event.
typedef enum lodum_mp_kind {
    LODUM_MP_NIL = 0,
    LODUM_MP_FALSE,
    LODUM_MP_TRUE,
    LODUM_MP_UINT,
    LODUM_MP_INT,
    LODUM_MP_FLOAT32,
    LODUM_MP_FLOAT64,
    LODUM_MP_STR,
    LODUM_MP_BIN,
    LODUM_MP_EXT,
    LODUM_MP_ARRAY,
    LODUM_MP_MAP,
} lodum_mp_kind;

/// One event. `bits` holds an integer, a float's bit pattern (float32 in the low 32 bits),
/// a container's element count, or a payload's offset in the data given to `execute` (0 when empty);
/// `length` a payload's length; `ext_type` an extension's type code.
typedef struct lodum_mp_event {
    uint64_t bits;
    /// The offset, in the data given to `execute`, just past the event's header (and, for
    /// a scalar, its value): the next event starts there.
    uint64_t end;
    uint32_t length;
    int8_t ext_type;
    uint8_t kind;
} lodum_mp_event;

/// Results of `lodum_mp_unpacker_execute` besides 0 (more data needed) and 1 (a top-level
/// value completed).
enum {
    LODUM_MP_PARSE_ERROR = -1,
    /// Nesting deeper than `LODUM_MP_MAX_DEPTH`.
    LODUM_MP_TOO_DEEP = -2,
    /// A container claims more elements than the bytes that can follow it.
    LODUM_MP_COUNT_TOO_LARGE = -10,
    /// An extension whose payload has no room for its type code.
    LODUM_MP_EXT_WITHOUT_TYPE = -11,
};

/// The deepest nesting the state machine holds.
#define LODUM_MP_MAX_DEPTH 1024

typedef struct lodum_mp_unpacker lodum_mp_unpacker;

/// A new unpacker, ready for a top-level value; NULL when out of memory.
lodum_mp_unpacker *lodum_mp_unpacker_create(void);
void lodum_mp_unpacker_destroy(lodum_mp_unpacker *unpacker);
/// Prepares for the next top-level value.
void lodum_mp_unpacker_reset(lodum_mp_unpacker *unpacker);

/// Parses `data[*offset ..< length]`, appending one event per value and container header to
/// `events` (room for `length - *offset` events is enough: every event takes a byte) and
/// advancing `*offset`. A container claiming more than `max_elements` elements (a map's
/// count is doubled) fails with `LODUM_MP_COUNT_TOO_LARGE` before anything is allocated.
/// Returns 1 when a top-level value is complete, 0 when it needs more data, or a negative
/// error.
int lodum_mp_unpacker_execute(lodum_mp_unpacker *unpacker, const char *data, size_t length, size_t *offset,
                              lodum_mp_event *events, size_t *event_count, uint64_t max_elements);

/// When `execute` returned 0: the bytes the value being read still needs past `*offset`
/// before it can make progress (a string's, binary's or extension's claimed length, or the
/// few bytes of a header), so a caller can check a claim against its limits before reading
/// that much. 0 between values.
uint32_t lodum_mp_unpacker_pending_length(const lodum_mp_unpacker *unpacker);

#endif
