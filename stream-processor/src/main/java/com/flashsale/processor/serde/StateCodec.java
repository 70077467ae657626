package com.flashsale.processor.serde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Binary layout of one state record type. A new field may only be appended: a reader reads the
 * fields it was built with and ignores the bytes after them, so an older build can still read a value
 * that a newer build wrote.
 */
interface StateCodec<T> {

    void write(T value, DataOutput out) throws IOException;

    T read(DataInput in) throws IOException;
}
