import type { ServiceName } from '../config';
import { auth } from './auth';
import { gateway } from './gateway';
import { inventory } from './inventory';
import { notification } from './notification';
import { orders } from './orders';
import { payment } from './payment';
import type { ServiceFactory } from './types';

export const SERVICES: Record<ServiceName, ServiceFactory> = { gateway, auth, orders, payment, inventory, notification };
