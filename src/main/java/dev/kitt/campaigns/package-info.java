/**
 * Campaigns: a matrix of models × engines (× profile) × suite run over one or more agents, one
 * test at a time per agent, with state per planned run persisted so a restarted server resumes.
 */
package dev.kitt.campaigns;
