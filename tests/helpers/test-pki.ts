// Certificates made by the test with Debian's openssl binary: a private CA and leaves signed by
// it with any names and validity (expired, expiring in 3 days), plus self-signed ones. EC keys,
// so making a handful takes milliseconds.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCa extends KeyPair {
  dir: string;
  /** A leaf for `names` (DNS names or IPs) valid from `notBefore` to `notAfter`. */
  issue(names: string[], opts?: { notBefore?: Date; notAfter?: Date }): KeyPair;
}

const openssl = (args: string[], cwd: string) => execFileSync("openssl", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });

/** openssl ca's UTCTime: YYMMDDHHMMSSZ. */
const asn1Time = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z";

const san = (names: string[]) => names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(",");

const DAY = 86_400_000;

export function makeCa(org = "Vigil Test CA"): TestCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pki-"));
  fs.mkdirSync(path.join(dir, "newcerts"));
  fs.writeFileSync(path.join(dir, "index.txt"), "");
  fs.writeFileSync(path.join(dir, "serial"), "1000\n");
  fs.writeFileSync(
    path.join(dir, "ca.cnf"),
    [
      "[ca]",
      "default_ca = test_ca",
      "[test_ca]",
      `dir = ${dir}`,
      "database = $dir/index.txt",
      "new_certs_dir = $dir/newcerts",
      "certificate = $dir/ca.pem",
      "private_key = $dir/ca.key",
      "serial = $dir/serial",
      "default_md = sha256",
      "policy = any_policy",
      "unique_subject = no",
      "[any_policy]",
      "commonName = supplied",
      "",
    ].join("\n"),
  );
  openssl(
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", `/O=${org}/CN=${org} Root`],
    dir,
  );
  let n = 0;
  const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
  return {
    dir,
    key: read("ca.key"),
    cert: read("ca.pem"),
    issue(names, { notBefore = new Date(Date.now() - DAY), notAfter = new Date(Date.now() + 30 * DAY) } = {}) {
      const id = `leaf${++n}`;
      openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", `${id}.key`, "-out", `${id}.csr`, "-subj", `/CN=${names[0]}`], dir);
      fs.writeFileSync(path.join(dir, `${id}.ext`), `[leaf]\nbasicConstraints = CA:FALSE\nsubjectAltName = ${san(names)}\n`);
      openssl(
        ["ca", "-batch", "-config", "ca.cnf", "-in", `${id}.csr`, "-out", `${id}.pem`, "-notext", "-startdate", asn1Time(notBefore), "-enddate", asn1Time(notAfter), "-extfile", `${id}.ext`, "-extensions", "leaf"],
        dir,
      );
      return { key: read(`${id}.key`), cert: read(`${id}.pem`) };
    },
  };
}

/** A certificate that signs itself, for `names`. */
export function makeSelfSigned(names: string[]): KeyPair {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pki-"));
  openssl(
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "30", "-subj", `/CN=${names[0]}`, "-addext", `subjectAltName=${san(names)}`],
    dir,
  );
  return { key: fs.readFileSync(path.join(dir, "k.pem"), "utf8"), cert: fs.readFileSync(path.join(dir, "c.pem"), "utf8") };
}
