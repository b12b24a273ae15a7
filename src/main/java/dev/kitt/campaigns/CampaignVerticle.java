package dev.kitt.campaigns;

import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Plans and runs campaigns on {@code kitt.campaigns.launch}; filled in by the campaign issue.
 */
public final class CampaignVerticle extends VerticleBase {
    private final ServerContext ctx;

    public CampaignVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }
}
