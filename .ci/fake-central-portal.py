#!/usr/bin/env python3
"""A stand-in for the Central Portal's publisher API on loopback, for .ci/release-check.

central-publishing-maven-plugin uploads the bundle it built (POST /api/v1/publisher/upload, multipart part
"bundle", a user token in the Authorization header) and then asks for the deployment's state
(POST /api/v1/publisher/status?id=...). This server keeps the uploaded bundle byte for byte, so the check
inspects exactly what Central would receive, and answers VALIDATED. It refuses an upload without the user
token it was told to expect, as the Portal does. It stops by itself after --timeout seconds.

Usage: fake-central-portal.py PORT_FILE BUNDLE_FILE USERNAME PASSWORD [--timeout SECONDS]
"""
import base64
import email.parser
import email.policy
import json
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, bundle_file, username, password = sys.argv[1:5]
timeout = float(sys.argv[6]) if len(sys.argv) > 6 and sys.argv[5] == "--timeout" else 600.0
token = base64.b64encode(f"{username}:{password}".encode()).decode()
deployments = {}


class Portal(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("fake-central-portal: " + (fmt % args) + "\n")

    def answer(self, status, body, content_type="text/plain"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Authorization") not in (f"UserToken {token}", f"Bearer {token}"):
            return self.answer(401, "a Central Portal user token is required")
        if url.path == "/api/v1/publisher/upload":
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + self.headers.get("Content-Type", "").encode() + b"\r\n\r\n" + body)
            parts = [p for p in message.iter_parts() if p.get_param("name", header="content-disposition") == "bundle"]
            if len(parts) != 1:
                return self.answer(400, "the upload has no 'bundle' part")
            with open(bundle_file, "wb") as out:
                out.write(parts[0].get_payload(decode=True))
            deployment = f"release-check-{len(deployments) + 1}"
            deployments[deployment] = query.get("name", "")
            return self.answer(201, deployment)
        if url.path == "/api/v1/publisher/status" and query.get("id") in deployments:
            return self.answer(200, json.dumps({
                "deploymentId": query["id"], "deploymentName": deployments[query["id"]],
                "deploymentState": "VALIDATED", "purls": [], "errors": {}}), "application/json")
        return self.answer(404, "not found")


server = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
with open(port_file, "w") as out:
    out.write(str(server.server_address[1]))
timer = threading.Timer(timeout, server.shutdown)
timer.daemon = True
timer.start()
server.serve_forever()
