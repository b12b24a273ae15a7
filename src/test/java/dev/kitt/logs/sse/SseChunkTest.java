package dev.kitt.logs.sse;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Chunks joined for a catch-up carry exactly the frames a fresh encoding of those items would. */
class SseChunkTest {
    private static List<SseItem> items(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(id -> new SseItem(id, null, "{\"n\":" + id + "}")).toList();
    }

    private static String text(SseChunk chunk) {
        return chunk.framesAfter(chunk.firstId() - 1).toString();
    }

    @Test
    @DisplayName("join takes the items above the cursor across chunks, up to the limit, byte for byte")
    void joinsAcrossChunks() {
        List<SseChunk> chunks = List.of(SseChunk.of(items(1, 10)), SseChunk.of(items(11, 20)), SseChunk.of(items(21, 30)));
        SseChunk joined = SseChunk.join(chunks, 7, 15);
        assertEquals(8, joined.firstId());
        assertEquals(22, joined.lastId());
        assertEquals(15, joined.size());
        assertEquals(text(SseChunk.of(items(8, 22))), text(joined));
        assertEquals(text(SseChunk.of(items(15, 22))), joined.framesAfter(14).toString());
    }

    @Test
    @DisplayName("join skips items a previous chunk already gave (overlapping batches) and returns null when none are left")
    void joinSkipsOverlapAndEmpties() {
        List<SseChunk> overlapping = List.of(SseChunk.of(items(1, 10)), SseChunk.of(items(6, 14)));
        assertEquals(text(SseChunk.of(items(3, 14))), text(SseChunk.join(overlapping, 2, 100)));
        assertNull(SseChunk.join(overlapping, 14, 100));
    }

    @Test
    @DisplayName("head keeps the first items and their frames only")
    void head() {
        SseChunk chunk = SseChunk.of(items(5, 9));
        assertEquals(text(SseChunk.of(items(5, 7))), text(chunk.head(3)));
        assertEquals(7, chunk.head(3).lastId());
        assertEquals(chunk, chunk.head(5));
        assertEquals(9, chunk.idAt(4));
        assertEquals(2, chunk.countAfter(7));
    }

    @Test
    @DisplayName("a batch is one lines event of the items above the cursor, also after join and head, with non-ASCII data intact")
    void batches() {
        SseChunk chunk = SseChunk.of(List.of(new SseItem(1, null, "{\"l\":\"é ✓\"}"), new SseItem(2, null, "{\"n\":2}"),
                new SseItem(3, null, "{\"n\":3}")));
        assertEquals("id: 3\nevent: lines\ndata: [{\"l\":\"é ✓\"},{\"n\":2},{\"n\":3}]\n\n", chunk.batchAfter(0).toString());
        assertEquals(chunk.batchAfter(0), chunk.batchAfter(0));
        assertEquals("id: 3\nevent: lines\ndata: [{\"n\":3}]\n\n", chunk.batchAfter(2).toString());
        assertEquals(0, chunk.batchAfter(3).length());
        assertEquals("id: 2\nevent: lines\ndata: [{\"n\":2}]\n\n", chunk.head(2).batchAfter(1).toString());
        SseChunk joined = SseChunk.join(List.of(SseChunk.of(items(1, 4)), SseChunk.of(items(5, 8))), 2, 4);
        assertEquals("id: 6\nevent: lines\ndata: [{\"n\":3},{\"n\":4},{\"n\":5},{\"n\":6}]\n\n", joined.batchAfter(2).toString());
        assertEquals("id: 6\nevent: lines\ndata: [{\"n\":6}]\n\n", joined.batchAfter(5).toString());
    }
}
