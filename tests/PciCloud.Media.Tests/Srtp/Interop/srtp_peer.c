/*
 * An independent SRTP peer for PciCloud's interoperability tests, built on Debian's libsrtp2.
 * The test compiles it with cc into a temporary directory and talks to it over pipes.
 *
 *   srtp_peer protect|unprotect 80|32 <60 hex digits: master key || master salt>
 *
 * stdin:  frames of [2-byte big-endian length][packet]
 * stdout: one frame per input frame: [1-byte libsrtp status][2-byte big-endian length][packet]
 *         (status 0 = ok; on failure the length is 0)
 */
#include <srtp2/srtp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int read_exact(unsigned char *buffer, size_t length) {
  return fread(buffer, 1, length, stdin) == length;
}

int main(int argc, char **argv) {
  unsigned char key[30];
  unsigned char packet[2048 + SRTP_MAX_TRAILER_LEN];
  unsigned char prefix[3];
  srtp_policy_t policy;
  srtp_t session;
  int protect;

  if (argc != 4 || strlen(argv[3]) != 60) {
    fprintf(stderr, "usage: srtp_peer protect|unprotect 80|32 <60 hex digits>\n");
    return 2;
  }
  protect = strcmp(argv[1], "protect") == 0;
  for (int i = 0; i < 30; i++) {
    int high = hex_value(argv[3][2 * i]), low = hex_value(argv[3][2 * i + 1]);
    if (high < 0 || low < 0) return 2;
    key[i] = (unsigned char)(high * 16 + low);
  }

  if (srtp_init() != srtp_err_status_ok) return 3;
  memset(&policy, 0, sizeof policy);
  if (strcmp(argv[2], "32") == 0) {
    srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(&policy.rtp);
  } else {
    srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtp);
  }
  srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtcp);
  policy.ssrc.type = protect ? ssrc_any_outbound : ssrc_any_inbound;
  policy.key = key;
  policy.window_size = 128;
  policy.next = NULL;
  if (srtp_create(&session, &policy) != srtp_err_status_ok) return 4;

  for (;;) {
    unsigned char header[2];
    int length;
    srtp_err_status_t status;
    if (!read_exact(header, 2)) break;
    length = (header[0] << 8) | header[1];
    if (length > 2048 || !read_exact(packet, (size_t)length)) return 5;
    status = protect ? srtp_protect(session, packet, &length) : srtp_unprotect(session, packet, &length);
    if (status != srtp_err_status_ok) length = 0;
    prefix[0] = (unsigned char)status;
    prefix[1] = (unsigned char)(length >> 8);
    prefix[2] = (unsigned char)length;
    fwrite(prefix, 1, 3, stdout);
    fwrite(packet, 1, (size_t)length, stdout);
  }

  fflush(stdout);
  srtp_dealloc(session);
  srtp_shutdown();
  return 0;
}
