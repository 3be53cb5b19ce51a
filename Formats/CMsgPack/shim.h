// The system msgpack-c (Debian: libmsgpack-dev), found through pkg-config `msgpack`.
// Lodum uses its packer; the reader uses msgpack-c's unpacking state machine through
// CMsgPackEvents.
#include <msgpack/pack.h>
