/** The shop's products, shared by the gateway (building carts) and inventory (stock). */
export interface Product {
  sku: string;
  name: string;
  price: number;
  initialStock: number;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'SKU-1001', name: 'Trail running shoes', price: 129.0, initialStock: 400 },
  { sku: 'SKU-1002', name: 'Merino wool socks', price: 18.5, initialStock: 1200 },
  { sku: 'SKU-1003', name: 'Waterproof jacket', price: 249.0, initialStock: 150 },
  { sku: 'SKU-1004', name: 'Insulated bottle', price: 32.0, initialStock: 800 },
  { sku: 'SKU-1005', name: 'Headlamp', price: 45.0, initialStock: 500 },
  { sku: 'SKU-1006', name: 'Trekking poles', price: 89.0, initialStock: 250 },
];

export const USERS = Array.from({ length: 200 }, (_, i) => `user-${String(i + 1).padStart(3, '0')}`);
