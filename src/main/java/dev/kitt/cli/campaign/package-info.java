/**
 * What `kitt campaign` talks to: a server's /api/v1/campaigns (--server) or the local store,
 * and the hook for running a campaign on this machine ({@link dev.kitt.cli.campaign.LocalCampaignRunner}).
 */
package dev.kitt.cli.campaign;
