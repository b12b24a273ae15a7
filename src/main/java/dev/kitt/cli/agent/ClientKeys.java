package dev.kitt.cli.agent;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** The agent's own key pair for mutual TLS (EC P-256, like KITT's CA), made at `kitt agent init`. */
final class ClientKeys {
    private ClientKeys() {
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a key pair: " + e.getMessage(), e);
        }
    }

    /** SubjectPublicKeyInfo as PEM: what the server signs into the client certificate. */
    static String publicPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
