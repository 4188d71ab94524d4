"""One column of the client matrix: reads cells as JSON lines on stdin ({id, url, step, ca}), runs each at once with
Python's websockets (asyncio client, default options except a 5 s open_timeout and, over wss://, the test CA as the
only trusted root), and prints what the library reported as JSON lines ({id, event, final}).
"""
import asyncio
import json
import ssl
import sys
import threading

import websockets


def out(line):
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def text(value):
    return '"' + (value[:40] + "...(%d chars)" % len(value) if len(value) > 40 else value) + '"'


def describe(error):
    name = type(error).__name__
    message = str(error).strip()
    status = getattr(error, "status_code", None)
    headers = getattr(error, "headers", None)
    extra = ""
    if status is not None:
        extra = "; status %d" % status
        if headers is not None and "Retry-After" in headers:
            extra += ", Retry-After: " + headers["Retry-After"]
    return name + (": " + message if message else "") + extra


async def run(cell):
    def report(event, final=False):
        out({"id": cell["id"], "event": event, "final": final})

    context = None
    if cell.get("ca"):
        context = ssl.create_default_context(cadata=cell["ca"])
    try:
        ws = await websockets.connect(cell["url"], ssl=context, open_timeout=5)
    except Exception as error:
        report("connect failed " + describe(error), True)
        return
    report("open")
    if cell["step"] == "PING":
        pong = await ws.ping(b"p")
        pong.add_done_callback(lambda f: report("pong") if not f.cancelled() and f.exception() is None else None)
    if cell["step"] == "CLOSE":
        await ws.close(1000, "bye")
        report("close() returned; close_code %s %s" % (ws.close_code, text(ws.close_reason or "")), True)
        return
    try:
        while True:
            message = await ws.recv()
            report("recv " + (text(message) if isinstance(message, str) else "%d bytes" % len(message)))
    except Exception as error:
        report("recv raised " + describe(error) + "; close_code %s" % ws.close_code, True)


def main():
    loop = asyncio.new_event_loop()
    out({"ready": "websockets " + websockets.__version__})

    def read():
        for line in sys.stdin:
            asyncio.run_coroutine_threadsafe(run(json.loads(line)), loop)
        loop.call_soon_threadsafe(loop.stop)

    threading.Thread(target=read, daemon=True).start()
    loop.run_forever()


if __name__ == "__main__":
    main()
