package org.kura.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/** What a test server serves: a list of records, materialized or generated on demand (constant memory). */
public interface RecordSet {
    int size();

    TestRecord get(int index);

    /** A fixed or changeable list (changes are seen by later requests, as a live repository would). */
    static Mutable of(List<TestRecord> records) {
        return new Mutable(records);
    }

    /** {@code size} records made by {@code generator} when asked for. */
    static RecordSet generated(int size, IntFunction<TestRecord> generator) {
        return new RecordSet() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public TestRecord get(int index) {
                return generator.apply(index);
            }
        };
    }

    /** A record set a test may change between requests. */
    final class Mutable implements RecordSet {
        private final List<TestRecord> records;

        Mutable(List<TestRecord> records) {
            this.records = new CopyOnWriteArrayList<>(records);
        }

        @Override
        public int size() {
            return records.size();
        }

        @Override
        public TestRecord get(int index) {
            return records.get(index);
        }

        public void set(int index, TestRecord record) {
            records.set(index, record);
        }

        public void add(TestRecord record) {
            records.add(record);
        }
    }
}
