# A throw-away OpenID Connect provider for checking SOP Desk's single sign-on by hand (README,
# "Single sign-on"): python3 fake_idp.py PORT USER; signs everyone in at once as USER (or the name
# in /tmp/websec-idp/user when that file exists), RS256 id_token carrying the nonce it was given and a "groups": ["admin"] claim SOP Desk must ignore.
import base64, json, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from cryptography.hazmat.primitives.asymmetric import rsa, padding
from cryptography.hazmat.primitives import hashes

PORT = int(sys.argv[1]); USER = sys.argv[2]
BASE = f"http://localhost:{PORT}"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
KID = "k" + str(time.time_ns())
codes = {}

def b64(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
def num(n): return b64(n.to_bytes((n.bit_length() + 7) // 8, "big"))

def jwt(claims):
    head = b64(json.dumps({"alg": "RS256", "typ": "JWT", "kid": KID}).encode())
    body = b64(json.dumps(claims).encode())
    sig = KEY.sign(f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{head}.{body}.{b64(sig)}"

class H(BaseHTTPRequestHandler):
    def send_json(self, obj):
        data = json.dumps(obj).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        u = urllib.parse.urlparse(self.path); q = dict(urllib.parse.parse_qsl(u.query))
        if u.path == "/.well-known/openid-configuration":
            self.send_json({"issuer": BASE, "authorization_endpoint": BASE + "/authorize", "token_endpoint": BASE + "/token",
                            "jwks_uri": BASE + "/jwks", "userinfo_endpoint": BASE + "/userinfo", "response_types_supported": ["code"],
                            "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"],
                            "scopes_supported": ["openid", "email", "profile"]})
        elif u.path == "/jwks":
            pub = KEY.public_key().public_numbers()
            self.send_json({"keys": [{"kty": "RSA", "kid": KID, "use": "sig", "alg": "RS256", "n": num(pub.n), "e": num(pub.e)}]})
        elif u.path == "/authorize":
            code = "c" + str(time.time_ns()); codes[code] = (q.get("nonce"), q.get("client_id"))
            self.send_response(302); self.send_header("Location", q["redirect_uri"] + "?code=" + code + "&state=" + urllib.parse.quote(q.get("state", ""))); self.end_headers()
        elif u.path == "/userinfo":
            self.send_json({"sub": "sub-" + USER, "preferred_username": USER})
        else:
            self.send_response(404); self.end_headers()
    def do_POST(self):
        body = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()))
        nonce, client = codes.pop(body.get("code"), (None, None))
        now = int(time.time())
        global USER
        try: USER = open("/tmp/websec-idp/user").read().strip()
        except OSError: pass
        claims = {"iss": BASE, "sub": "sub-" + USER, "aud": client, "iat": now, "exp": now + 300, "preferred_username": USER, "groups": ["admin"]}
        if nonce: claims["nonce"] = nonce
        self.send_json({"access_token": "at-" + str(now), "token_type": "Bearer", "expires_in": 300, "id_token": jwt(claims)})
    def log_message(self, *a): sys.stderr.write("idp: " + (a[0] % a[1:]) + "\n")

HTTPServer(("127.0.0.1", PORT), H).serve_forever()
