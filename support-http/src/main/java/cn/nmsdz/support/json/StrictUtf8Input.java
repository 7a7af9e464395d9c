package cn.nmsdz.support.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Jackson decodes UTF-8 leniently: the overlong sequence C0 AF became "/", an encoded surrogate a "?" in the
 * database. Every JSON body the services read passes through this check of well-formed UTF-8 (Unicode 15, table
 * 3-7) as it streams; the first malformed byte is a {@link JsonParseException} ("not valid JSON"), with its offset.
 */
public final class StrictUtf8Input extends InputDecorator {
    private static final long serialVersionUID = 1L;

    @Override
    public InputStream decorate(IOContext ctxt, InputStream in) {
        return new Checked(in);
    }

    @Override
    public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length) {
        return new Checked(new ByteArrayInputStream(src, offset, length));
    }

    @Override
    public Reader decorate(IOContext ctxt, Reader r) {
        return r; // already characters: the String or Reader was decoded by its producer
    }

    /** Raised for the first byte that is not part of well-formed UTF-8. */
    public static final class MalformedUtf8 extends JsonParseException {
        private static final long serialVersionUID = 1L;

        MalformedUtf8(long offset) {
            super((com.fasterxml.jackson.core.JsonParser) null, "the body is not well-formed UTF-8 (an invalid, overlong or surrogate byte sequence at byte "
                    + offset + ")");
        }
    }

    /** Validates byte by byte; keeps the state of a sequence split across reads. */
    static final class Checked extends FilterInputStream {
        private long offset;
        /** continuation bytes still expected in the current sequence */
        private int pending;
        /** the allowed range of the next continuation byte (narrower right after E0, ED, F0, F4) */
        private int low = 0x80;
        private int high = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                end();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n < 0) {
                end();
            }
            for (int i = 0; i < n; i++) {
                check(buffer[off + i] & 0xFF);
            }
            return n;
        }

        private void end() throws MalformedUtf8 {
            if (pending > 0) {
                throw new MalformedUtf8(offset);
            }
        }

        void check(int b) throws MalformedUtf8 {
            if (pending > 0) {
                if (b < low || b > high) {
                    throw new MalformedUtf8(offset);
                }
                pending--;
                low = 0x80;
                high = 0xBF;
            } else if (b >= 0x80) {
                if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                    if (b == 0xE0) {
                        low = 0xA0; // overlong below U+0800
                    } else if (b == 0xED) {
                        high = 0x9F; // U+D800..DFFF are surrogates, not characters
                    }
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                    if (b == 0xF0) {
                        low = 0x90; // overlong below U+10000
                    } else if (b == 0xF4) {
                        high = 0x8F; // beyond U+10FFFF
                    }
                } else {
                    throw new MalformedUtf8(offset); // a stray continuation byte, C0, C1 or F5..FF
                }
            }
            offset++;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
