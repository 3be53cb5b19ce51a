// The system msgpack-c (Debian: libmsgpack-dev), found through pkg-config `msgpack`.
// Lodum's C targets take msgpack-c's packing and unpacking routines from its headers
// (CMsgPackOutput, CMsgPackEvents) and get its include path from this module; the
// benchmark's raw loops call its library API (msgpack_sbuffer, msgpack_unpack_next).
#include <msgpack.h>
