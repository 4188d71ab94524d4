package dev.wschaos.simulator.fault;

/**
 * Marks a connection fault that writes frames as raw bytes: connections it may strike are accepted without any
 * compression extension ({@code permessage-deflate}), so that what it writes is exactly what the client reads.
 */
public interface WritesRawFrames extends ConnectionFault {}
